/**
 * Where each stack keeps its Terraform state: an Azure Storage container (`AML_STATE_*`), one state key per
 * stack, with Entra ID authentication (no storage account key); local state only when none is set.
 */
import {
  AzurermBackend,
  DataTerraformRemoteStateAzurerm,
  DataTerraformRemoteStateLocal,
  LocalBackend,
  TerraformRemoteState,
  TerraformStack,
} from 'cdktf';
import { Construct } from 'constructs';

/** The Azure Storage container that holds the state of every stack. */
export interface RemoteStateSettings {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  /** Prefix of the state keys: stack `network` keeps its state in `<keyPrefix>/network.tfstate`. */
  readonly keyPrefix: string;
}

const REQUIRED = {
  resourceGroupName: 'AML_STATE_RESOURCE_GROUP',
  storageAccountName: 'AML_STATE_STORAGE_ACCOUNT',
  containerName: 'AML_STATE_CONTAINER',
} as const;
const KEY_PREFIX = 'AML_STATE_KEY';
const DEFAULT_KEY_PREFIX = 'cdktf-azureml-secure-endpoint';

/** Reads `AML_STATE_*`; undefined when none is set (local state), an error when only some are. */
export function readRemoteStateSettings(
  env: NodeJS.ProcessEnv = process.env,
): RemoteStateSettings | undefined {
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const given = Object.values(REQUIRED).filter((name) => value(name) !== undefined);
  if (given.length === 0 && value(KEY_PREFIX) === undefined) return undefined;
  const missing = Object.values(REQUIRED).filter((name) => value(name) === undefined);
  if (missing.length > 0) {
    throw new Error(
      `remote state is half configured: ${missing.join(', ')} not set; set all of ` +
        `${Object.values(REQUIRED).join(', ')} for Azure Storage state, or none of them (and no ${KEY_PREFIX}) ` +
        'for local state',
    );
  }
  const keyPrefix = (value(KEY_PREFIX) ?? DEFAULT_KEY_PREFIX).replace(/\/+$/, '');
  return {
    resourceGroupName: value(REQUIRED.resourceGroupName) as string,
    storageAccountName: value(REQUIRED.storageAccountName) as string,
    containerName: value(REQUIRED.containerName) as string,
    keyPrefix,
  };
}

/** The one line `main.ts` prints when it falls back to local state. */
export const LOCAL_STATE_NOTICE =
  'state: AML_STATE_* not set, each stack keeps local state (terraform.tfstate in its folder under cdktf.out); ' +
  'set AML_STATE_RESOURCE_GROUP, AML_STATE_STORAGE_ACCOUNT and AML_STATE_CONTAINER for shared state';

/** The state key of a stack. */
export function stateKey(settings: RemoteStateSettings, stackName: string): string {
  return `${settings.keyPrefix}/${stackName}.tfstate`;
}

function azurermConfig(settings: RemoteStateSettings, stackName: string) {
  return {
    resourceGroupName: settings.resourceGroupName,
    storageAccountName: settings.storageAccountName,
    containerName: settings.containerName,
    key: stateKey(settings, stackName),
    // Blob access with the deploying identity's Entra ID token (OIDC in CI, `az login` on a laptop): no storage
    // account key is read or stored. The identity needs Storage Blob Data Contributor on the container.
    useAzureadAuth: true,
  };
}

/**
 * Sets the stack's backend. An explicit local backend too: cdktf's default would write an absolute state path
 * into cdk.tf.json.
 */
export function addBackend(
  stack: TerraformStack,
  stackName: string,
  settings: RemoteStateSettings | undefined,
): void {
  if (settings === undefined) new LocalBackend(stack, { path: 'terraform.tfstate' });
  else new AzurermBackend(stack, azurermConfig(settings, stackName));
}

/**
 * Reads another stack's outputs (its state, wherever `addBackend` put it). Local state is read from the other
 * stack's folder beside this one (`cdktf.out/stacks/<stack>/terraform.tfstate`).
 */
export function remoteStateOf(
  scope: Construct,
  id: string,
  stackName: string,
  settings: RemoteStateSettings | undefined,
): TerraformRemoteState {
  if (settings === undefined) {
    return new DataTerraformRemoteStateLocal(scope, id, { path: `../${stackName}/terraform.tfstate` });
  }
  return new DataTerraformRemoteStateAzurerm(scope, id, azurermConfig(settings, stackName));
}
