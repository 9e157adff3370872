/**
 * Day-2 sequences about live state: nothing reverts (endpoint settings, then parking), create-only changes refused
 * at plan (the endpoint's identity), api-version switches, outbound rules under serving deployments, scale and
 * autoscale, blue -> green -> blue reusing the name, a second endpoint with the first retired, mirror and canary
 * called off. Every step states what its plan must create, update, replace and delete, and what the emulated ARM
 * must be written (its `fake ARM writes` line): a step writes what it changes, nothing else.
 */
import { TerraformStack } from 'cdktf';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { MlApiVersion } from '../../src/arm';
import { CodeConfiguration, Environment, Model, OnlineDeployment } from '../../src/deployment';
import { EndpointAuthMode, EndpointIdentity, SecureOnlineEndpoint } from '../../src/endpoint';
import { PrivateEndpointTarget } from '../../src/outbound/private-endpoint-target';
import { ManagedVnetWorkspace } from '../../src/workspace';
import { IMAGE } from '../../__tests__/endpoint/helpers';
import type { Sequence, Step, StepExpectation } from './rollout-sequences';
import { network } from '../../__tests__/workspace/fixtures';

/** One deployment of a live step. */
export interface LiveDeployment {
  /** The example's files (`v1`, default) or their second version. */
  readonly model?: 'v1' | 'v2';
  readonly instanceCount?: number;
  /** Autoscale between these instance counts, on CPU. @default none */
  readonly autoscale?: readonly [number, number];
}

/** One endpoint of a live step. */
export interface LiveEndpoint {
  readonly endpointName: string;
  readonly authMode?: 'key' | 'aad';
  readonly publicAccess?: boolean;
  readonly tags?: { readonly [key: string]: string };
  readonly description?: string;
  /** `user`: the user-assigned identity `EndpointIdentity` of the stack. @default system-assigned */
  readonly identity?: 'system' | 'user';
  /** Deployments by construct id (the deployment name is the id in lower case). */
  readonly deployments?: { readonly [id: string]: LiveDeployment };
  /** The split; without it, a single deployment takes all traffic. */
  readonly split?: { readonly [deployment: string]: number };
  readonly mirror?: { readonly deployment: string; readonly percent: number };
}

/** The whole stack at one step: the how-to workspace, its endpoints by construct id, extra outbound rules. */
export interface LiveStep {
  /** @default 'preview' (the library's default api-version) */
  readonly apiVersion?: 'stable' | 'preview';
  readonly endpoints: { readonly [id: string]: LiveEndpoint };
  /** Outbound rules added to the workspace. @default none */
  readonly rules?: readonly ('fqdn' | 'privateEndpoint')[];
}

const FOLDERS = { v1: 'examples/model-1', v2: '__tests__/fixtures/model-1-v2' } as const;

/** Builds one live step into `stack` (which has its providers and backend). */
export function buildLiveStep(stack: TerraformStack, step: LiveStep): void {
  const { rg, vnet, subnet } = network(stack);
  const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: rg,
    workspaceName: 'mlw-secure',
    inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    apiVersion: step.apiVersion === 'stable' ? MlApiVersion.V2026_05_01 : MlApiVersion.V2026_05_15_PREVIEW,
  });
  if (step.rules?.includes('fqdn')) {
    workspace.addOutboundFqdnRule('ExtraRule', {
      ruleName: 'extra-pypi-mirror',
      destination: 'pypi.example.org',
    });
  }
  if (step.rules?.includes('privateEndpoint')) {
    workspace.addOutboundPrivateEndpointRule('ExtraPrivateEndpoint', {
      ruleName: 'extra-data-lake',
      serviceResourceId: `${rg.id}/providers/Microsoft.Storage/storageAccounts/stextradata`,
      subresourceTarget: PrivateEndpointTarget.BLOB,
    });
  }
  const uami = new UserAssignedIdentity(stack, 'EndpointIdentity', {
    name: 'id-endpoint',
    resourceGroupName: rg.name,
    location: rg.location,
  });
  for (const [id, e] of Object.entries(step.endpoints)) {
    const endpoint = new SecureOnlineEndpoint(stack, id, {
      workspace,
      endpointName: e.endpointName,
      authMode: e.authMode === 'aad' ? EndpointAuthMode.AAD_TOKEN : EndpointAuthMode.KEY,
      publicNetworkAccess: e.publicAccess,
      tags: e.tags,
      description: e.description,
      identity: e.identity === 'user' ? EndpointIdentity.userAssigned(uami) : undefined,
    });
    const deployments = Object.entries(e.deployments ?? {});
    for (const [deploymentId, d] of deployments) {
      const deployment: OnlineDeployment = endpoint.addDeployment(deploymentId, {
        model: Model.fromLocalPath(`${FOLDERS[d.model ?? 'v1']}/model`),
        code: CodeConfiguration.fromLocalPath(`${FOLDERS.v1}/onlinescoring`, 'score.py'),
        environment: Environment.fromImage(IMAGE, { condaFile: `${FOLDERS.v1}/environment/conda.yaml` }),
        instanceType: 'Standard_DS3_v2',
        instanceCount: d.instanceCount ?? 1,
      });
      if (d.autoscale) {
        deployment
          .autoScaleInstanceCount({ minInstances: d.autoscale[0], maxInstances: d.autoscale[1] })
          .scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
      }
    }
    const only = deployments.length === 1 ? deployments[0][0].toLowerCase() : undefined;
    const split = e.split ?? (only === undefined ? undefined : { [only]: 100 });
    if (split) endpoint.routeTraffic(split);
    if (e.mirror) endpoint.mirrorTrafficByName(e.mirror.deployment, e.mirror.percent);
  }
}

const ENDPOINT = 'endpt-moe-1';
const BLUE_ONLY: LiveEndpoint = { endpointName: ENDPOINT, deployments: { Blue: {} } };
/** Every endpoint setting changed from the defaults: Entra ID auth, public access, tags, a description. */
const SETTINGS: Partial<LiveEndpoint> = {
  authMode: 'aad',
  publicAccess: true,
  tags: { team: 'scoring' },
  description: 'fraud scoring',
};
const one = (endpoint: LiveEndpoint, more: Omit<LiveStep, 'endpoints'> = {}): Step => ({
  live: { ...more, endpoints: { Endpoint: endpoint } },
});
const BLUE_GREEN = (split: { blue: number; green: number }, green: LiveDeployment = {}): LiveEndpoint => ({
  endpointName: ENDPOINT,
  deployments: { Blue: {}, Green: green },
  split,
});

/** A step's expectation: its plan counts and the emulated ARM's writes (`none`: nothing written). */
const shows = (
  create: number,
  update: number,
  replace: number,
  del: number,
  writes: string,
): StepExpectation => ({ create, update, replace, delete: del, writes });
const NOTHING = shows(0, 0, 0, 0, 'none');
const EP1 = 'onlineEndpoints/endpt-moe-1';
/**
 * The first step creates the whole stack: not compared (it follows the stack's defaults, which other changes
 * move); every later step is.
 */
const CREATED = undefined;

/** The live-state sequences; `rollout-sequences.ts` appends them to its list. */
export const LIVE_SEQUENCES: readonly Sequence[] = [
  {
    name: 'endpoint-settings-then-park',
    title: 'every endpoint setting changed, the endpoint parked (no deployment), then brought back',
    steps: [
      one(BLUE_ONLY),
      one({ ...BLUE_ONLY, ...SETTINGS }),
      one({ ...BLUE_ONLY, ...SETTINGS }),
      one({ endpointName: ENDPOINT, ...SETTINGS }),
      one({ endpointName: ENDPOINT, ...SETTINGS }),
      one({ ...BLUE_ONLY, ...SETTINGS }),
    ],
    unchangedAt: [3, 5],
    expected: [
      CREATED,
      // The settings: the endpoint's own PUT (with its live traffic), nothing else.
      shows(0, 1, 0, 0, `PUT existing 1 (${EP1})`),
      NOTHING,
      // Parked: the writer runs again (the current settings, no traffic), then blue and what only it used go.
      shows(0, 0, 2, 17, `PUT existing 1 (${EP1}); DELETE 12`),
      NOTHING,
      // Back: blue and its assets, then the writer with blue at 100 %.
      shows(17, 0, 2, 0, `PUT new 12; PUT existing 1 (${EP1})`),
    ],
  },
  {
    name: 'endpoint-identity',
    title: 'a serving endpoint moved from its system-assigned to a user-assigned identity: refused at plan',
    steps: [one(BLUE_ONLY), one({ ...BLUE_ONLY, identity: 'user' })],
    refusedAt: { step: 2, message: /SE240.*identity changes from 'SystemAssigned' to 'UserAssigned/s },
    expected: [CREATED],
  },
  {
    name: 'api-version-switch',
    title: 'the stable api-version, then the preview, then stable again, under a serving deployment',
    steps: [
      one(BLUE_ONLY, { apiVersion: 'stable' }),
      one(BLUE_ONLY, { apiVersion: 'preview' }),
      one(BLUE_ONLY, { apiVersion: 'stable' }),
    ],
    expected: [
      CREATED,
      // Nothing to write: the resources read the same under the other api-version; no action runs again.
      NOTHING,
      NOTHING,
    ],
  },
  {
    name: 'blue-green-blue',
    title: 'blue, green beside it, green alone, a new blue beside green, blue alone again (the name reused)',
    steps: [
      one(BLUE_ONLY),
      one(BLUE_GREEN({ blue: 100, green: 0 })),
      one({ endpointName: ENDPOINT, deployments: { Green: {} } }),
      one(BLUE_GREEN({ blue: 0, green: 100 })),
      one(BLUE_ONLY),
    ],
    expected: [
      CREATED,
      shows(10, 0, 2, 0, `PUT new 7; PUT existing 1 (${EP1})`),
      shows(0, 0, 2, 10, `PUT existing 1 (${EP1}); DELETE 7`),
      shows(10, 0, 2, 0, `PUT new 7; PUT existing 1 (${EP1})`),
      shows(0, 0, 2, 10, `PUT existing 1 (${EP1}); DELETE 7`),
    ],
  },
  {
    name: 'rules-under-serving',
    title: 'outbound rules (private endpoint, FQDN) added and removed under a serving deployment',
    steps: [
      one(BLUE_ONLY),
      one(BLUE_ONLY, { rules: ['privateEndpoint'] }),
      one(BLUE_ONLY, { rules: ['privateEndpoint', 'fqdn'] }),
      one(BLUE_ONLY, { rules: ['fqdn'] }),
      one(BLUE_ONLY),
    ],
    expected: [
      CREATED,
      // The rule and its approver role; the provisioning action is not touched.
      shows(2, 0, 0, 0, 'PUT new 1 (outboundRules/extra-data-lake)'),
      shows(1, 0, 0, 0, 'PUT new 1 (outboundRules/extra-pypi-mirror)'),
      shows(0, 0, 0, 2, 'DELETE 1 (outboundRules/extra-data-lake)'),
      shows(0, 0, 0, 1, 'DELETE 1 (outboundRules/extra-pypi-mirror)'),
    ],
  },
  {
    name: 'scale-and-autoscale',
    title: 'instance count 1 -> 2, autoscale 1-3 added, its range changed, autoscale removed at 1 instance',
    steps: [
      one(BLUE_ONLY),
      one({ endpointName: ENDPOINT, deployments: { Blue: { instanceCount: 2 } } }),
      one({ endpointName: ENDPOINT, deployments: { Blue: { instanceCount: 2, autoscale: [1, 3] } } }),
      one({ endpointName: ENDPOINT, deployments: { Blue: { instanceCount: 2, autoscale: [2, 4] } } }),
      one({ endpointName: ENDPOINT, deployments: { Blue: { instanceCount: 1 } } }),
    ],
    expected: [
      CREATED,
      shows(0, 1, 0, 0, 'PUT existing 1 (deployments/blue)'),
      // Autoscale added, then its range changed: the setting only (azurerm), the deployment is not sent.
      shows(1, 0, 0, 0, 'none'),
      shows(0, 1, 0, 0, 'none'),
      // Autoscale removed: the setting goes and the deployment gets its instance count back.
      shows(0, 1, 0, 1, 'PUT existing 1 (deployments/blue)'),
    ],
  },
  {
    name: 'second-endpoint',
    title: 'a second endpoint beside the first, then the first retired',
    steps: [
      { live: { endpoints: { Endpoint: BLUE_ONLY } } },
      {
        live: {
          endpoints: {
            Endpoint: BLUE_ONLY,
            Second: { endpointName: 'endpt-moe-2', deployments: { Blue: {} } },
          },
        },
      },
      { live: { endpoints: { Second: { endpointName: 'endpt-moe-2', deployments: { Blue: {} } } } } },
    ],
    expected: [
      CREATED,
      shows(15, 0, 0, 0, 'PUT new 8; PUT existing 1 (onlineEndpoints/endpt-moe-2)'),
      // The first endpoint retired: its reset empties its traffic (closed), then it and its deployment go.
      shows(0, 0, 0, 15, `PUT existing 1 (${EP1}); DELETE 8`),
    ],
  },
  {
    name: 'mirror-and-canary-called-off',
    title: 'green mirrored 20 %, then a 10 % canary, then called off: green removed, blue 100',
    steps: [
      one(BLUE_ONLY),
      one({ ...BLUE_GREEN({ blue: 100, green: 0 }), mirror: { deployment: 'green', percent: 20 } }),
      one({ ...BLUE_GREEN({ blue: 100, green: 0 }) }),
      one(BLUE_GREEN({ blue: 90, green: 10 })),
      one(BLUE_ONLY),
    ],
    expected: [
      CREATED,
      // Green and its assets, then the writer (blue 100, green mirrored 20 %).
      shows(10, 0, 2, 0, `PUT new 7; PUT existing 1 (${EP1})`),
      // The mirror off, then the canary: each one write of the maps.
      shows(0, 0, 2, 0, `PUT existing 1 (${EP1})`),
      shows(0, 0, 2, 0, `PUT existing 1 (${EP1})`),
      // Called off: blue 100 first, then green and what only it used go.
      shows(0, 0, 2, 10, `PUT existing 1 (${EP1}); DELETE 7`),
    ],
  },
];
