/**
 * The how-to's settings (docs/how-to.md): what the how-to lets you choose and how main.ts reads it from
 * environment variables, cdktf context or the how-to's defaults. Here rather than in main.ts so that the stacks in
 * app/ can take it without importing the entry point that imports them.
 */
import { Construct } from 'constructs';
import { IsolationMode } from '../src';

/** What the how-to lets you choose. */
export interface HowToConfig {
  readonly location: string;
  readonly resourceGroupName: string;
  readonly workspaceName: string;
  readonly endpointName: string;
  readonly isolationMode: IsolationMode;
  readonly endpointPublicAccess: boolean;
}

/** One setting: its environment variable, its cdktf context key, its default. */
interface Setting {
  readonly env: string;
  readonly context: string;
  readonly default: string;
}

const SETTINGS = {
  location: { env: 'AZURE_LOCATION', context: 'location', default: 'westeurope' },
  resourceGroupName: { env: 'AML_RESOURCE_GROUP', context: 'resourceGroup', default: 'rg-secure-endpoint' },
  workspaceName: { env: 'AML_WORKSPACE_NAME', context: 'workspaceName', default: 'mlw-secure-endpoint' },
  endpointName: { env: 'AML_ENDPOINT_NAME', context: 'endpointName', default: 'endpt-moe-1' },
  isolationMode: {
    env: 'AML_ISOLATION_MODE',
    context: 'isolationMode',
    default: 'allow_only_approved_outbound',
  },
  endpointPublicAccess: {
    env: 'AML_ENDPOINT_PUBLIC_ACCESS',
    context: 'endpointPublicAccess',
    default: 'disabled',
  },
} satisfies Record<keyof HowToConfig, Setting>;

// The CLI's spellings (`az ml workspace create -m ...`, `--set public_network_access=...`).
const ISOLATION_MODES: Record<string, IsolationMode> = {
  allow_only_approved_outbound: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
  allow_internet_outbound: IsolationMode.ALLOW_INTERNET_OUTBOUND,
};
// `true`/`false` too: a JSON boolean in cdktf.json's context arrives here as that text.
const PUBLIC_ACCESS: Record<string, boolean> = { disabled: false, enabled: true, false: false, true: true };

/** Reads the configuration: environment variable first, then cdktf context, then the how-to's default. */
export function readHowToConfig(scope: Construct, env: NodeJS.ProcessEnv = process.env): HowToConfig {
  const read = (setting: Setting): string => {
    const fromEnv = env[setting.env];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv.trim();
    const fromContext: unknown = scope.node.tryGetContext(setting.context);
    if (fromContext !== undefined) return String(fromContext).trim();
    return setting.default;
  };
  const choose = <T>(setting: Setting, choices: Record<string, T>): T => {
    const value = read(setting);
    const choice = choices[value.toLowerCase()];
    if (choice === undefined) {
      throw new Error(
        `${setting.env} (or context '${setting.context}') is '${value}': the how-to stack accepts ` +
          `${Object.keys(choices).join(' or ')}; set one of them or unset it for the default '${setting.default}'`,
      );
    }
    return choice;
  };
  return {
    location: read(SETTINGS.location),
    resourceGroupName: read(SETTINGS.resourceGroupName),
    workspaceName: read(SETTINGS.workspaceName),
    endpointName: read(SETTINGS.endpointName),
    isolationMode: choose(SETTINGS.isolationMode, ISOLATION_MODES),
    endpointPublicAccess: choose(SETTINGS.endpointPublicAccess, PUBLIC_ACCESS),
  };
}
