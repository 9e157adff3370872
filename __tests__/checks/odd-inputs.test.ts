/**
 * Odd values (null, empty, huge, NaN, objects, lists, URLs, Terraform tokens) for every prop and factory argument,
 * as JavaScript callers and casts can pass them: each is refused with a ConfigurationError or accepted, never a
 * raw TypeError or RangeError. Construction and validation only (no synth), to stay cheap.
 */
import { TerraformVariable, TerraformStack } from 'cdktf';
import { ConfigurationError, ConfigurationErrors, configurationProblems } from '../../src/checks';
import {
  CodeConfiguration,
  Environment,
  Model,
  OnlineDeployment,
  BlueDeployment,
} from '../../src/deployment';
import { SecureOnlineEndpoint, EndpointIdentity } from '../../src/endpoint';
import { ManagedVnetWorkspace, ImageBuildCompute, IsolationMode } from '../../src/workspace';
import {
  OutboundFqdnRule,
  OutboundServiceTagRule,
  OutboundPrivateEndpointRule,
  PrivateEndpointTarget,
} from '../../src/outbound';
import { FakeWorkspace } from '../support/fake-workspace';
import { testStack } from '../support/synth';
import { LITERAL_RG, armId } from '../workspace/fixtures';
import { howToDeployment } from '../endpoint/helpers';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const odd = (s: TerraformStack): unknown[] => [
  null,
  '',
  1.5,
  {},
  new TerraformVariable(s, 'n', { type: 'number' }).numberValue,
  'x'.repeat(300),
];
const crashes: string[] = [];
function attempt(label: string, build: (s: TerraformStack, v: unknown) => void, count: number) {
  for (let i = 0; i < count; i++) {
    const s = testStack();
    const v = odd(s)[i];
    try {
      build(s, v);
      configurationProblems(s);
    } catch (e) {
      if (e instanceof ConfigurationError || e instanceof ConfigurationErrors) continue;
      crashes.push(`${label} = ${String(v)}: ${(e as Error).name}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
}
const N = 6;
test('odd values for every prop and factory argument: only ConfigurationErrors, never a TypeError', () => {
  const wsProps = {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-f',
    inboundPrivateEndpoint: { subnet: SUBNET },
  };
  for (const key of [
    'workspaceName',
    'location',
    'friendlyName',
    'publicNetworkAccess',
    'inboundPrivateEndpoint',
    'tags',
    'softDeleteRetentionInDays',
    'isolationMode',
    'imageBuildCompute',
    'associatedResourceNames',
    'storageAccount',
    'keyVault',
    'containerRegistry',
    'identity',
    'apiVersion',
    'firewallSku',
    'provisionManagedNetwork',
  ]) {
    attempt(
      `workspace.${key}`,
      (s, v) => {
        new ManagedVnetWorkspace(s, 'W', { ...wsProps, [key]: v } as never);
      },
      N,
    );
  }
  for (const key of ['maxNodeCount', 'nodeIdleTimeBeforeScaleDown', 'vmSize', 'computeName']) {
    attempt(
      `cluster.${key}`,
      (s, v) => {
        new ManagedVnetWorkspace(s, 'W', {
          ...wsProps,
          imageBuildCompute: ImageBuildCompute.cluster({ [key]: v } as never),
        });
      },
      N,
    );
  }
  attempt(
    'existing compute',
    (s, v) => {
      new ManagedVnetWorkspace(s, 'W', {
        ...wsProps,
        imageBuildCompute: ImageBuildCompute.existing(v as string),
      });
    },
    N,
  );
  for (const key of [
    'workspaceName',
    'resourceGroupName',
    'location',
    'isolationMode',
    'workspaceId',
    'subscriptionId',
    'storageAccountId',
    'inboundAccess',
  ]) {
    attempt(
      `imported.${key}`,
      (s, v) => {
        ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'I', {
          workspaceName: 'w-1',
          resourceGroupName: 'rg',
          location: 'we',
          isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
          [key]: v,
        } as never);
      },
      N,
    );
  }
  for (const key of ['ruleName', 'destination'])
    attempt(
      `fqdn.${key}`,
      (s, v) => {
        new OutboundFqdnRule(s, 'R', {
          workspace: new FakeWorkspace(s, 'W'),
          ruleName: 'r-1',
          destination: 'pypi.org',
          [key]: v,
        } as never);
      },
      N,
    );
  for (const key of ['serviceTag', 'portRanges', 'addressPrefixes', 'protocol'])
    attempt(
      `tag.${key}`,
      (s, v) => {
        new OutboundServiceTagRule(s, 'R', {
          workspace: new FakeWorkspace(s, 'W'),
          ruleName: 'r-1',
          serviceTag: 'AzureMonitor',
          [key]: v,
        } as never);
      },
      N,
    );
  for (const key of ['serviceResourceId', 'subresourceTarget', 'fqdns'])
    attempt(
      `pe.${key}`,
      (s, v) => {
        new OutboundPrivateEndpointRule(s, 'R', {
          workspace: new FakeWorkspace(s, 'W'),
          ruleName: 'r-1',
          serviceResourceId: armId('g', 'Microsoft.Storage/storageAccounts', 'st'),
          subresourceTarget: PrivateEndpointTarget.BLOB,
          [key]: v,
        } as never);
      },
      N,
    );
  attempt(
    'PrivateEndpointTarget.of',
    (s, v) => {
      new OutboundPrivateEndpointRule(s, 'R', {
        workspace: new FakeWorkspace(s, 'W'),
        ruleName: 'r-1',
        serviceResourceId: armId('g', 'Microsoft.Search/searchServices', 'x'),
        subresourceTarget: PrivateEndpointTarget.of(v as string),
      });
    },
    N,
  );
  for (const key of ['endpointName', 'publicNetworkAccess', 'authMode', 'identity', 'description', 'tags'])
    attempt(
      `endpoint.${key}`,
      (s, v) => {
        new SecureOnlineEndpoint(s, 'E', {
          workspace: new FakeWorkspace(s, 'W'),
          endpointName: 'endpt-1',
          [key]: v,
        } as never);
      },
      N,
    );
  attempt(
    'EndpointIdentity.userAssigned',
    (s, v) => {
      new SecureOnlineEndpoint(s, 'E', {
        workspace: new FakeWorkspace(s, 'W'),
        endpointName: 'endpt-1',
        identity: EndpointIdentity.userAssigned(v as never),
      });
    },
    N,
  );
  const dep = (s: TerraformStack, extra: object) => {
    const endpoint = new SecureOnlineEndpoint(s, 'E', {
      workspace: new FakeWorkspace(s, 'W'),
      endpointName: 'endpt-1',
    });
    new OnlineDeployment(s, 'D', {
      endpoint,
      model: Model.mlflowFromAssetId('azureml:m:1'),
      allTraffic: true,
      ...extra,
    } as never);
    return endpoint;
  };
  for (const key of [
    'deploymentName',
    'instanceType',
    'instanceCount',
    'requestSettings',
    'livenessProbe',
    'readinessProbe',
    'environmentVariables',
    'egressPublicNetworkAccess',
    'model',
    'code',
    'environment',
  ])
    attempt(
      `deployment.${key}`,
      (s, v) => {
        dep(s, { [key]: v });
      },
      N,
    );
  for (const key of ['requestTimeoutMs', 'maxConcurrentRequestsPerInstance', 'maxQueueWaitMs'])
    attempt(
      `request.${key}`,
      (s, v) => {
        dep(s, { requestSettings: { [key]: v } });
      },
      N,
    );
  for (const key of [
    'initialDelaySeconds',
    'periodSeconds',
    'timeoutSeconds',
    'successThreshold',
    'failureThreshold',
  ])
    attempt(
      `probe.${key}`,
      (s, v) => {
        dep(s, { readinessProbe: { [key]: v } });
      },
      N,
    );
  attempt(
    'Model.fromAssetId',
    (s, v) => {
      dep(s, { model: Model.mlflowFromAssetId(v as string) });
    },
    N,
  );
  attempt(
    'Model.fromLocalPath',
    (s, v) => {
      dep(s, { model: Model.mlflowFromLocalPath(v as string) });
    },
    N,
  );
  attempt(
    'Environment.fromImage',
    (s, v) => {
      dep(s, { model: Model.fromAssetId('azureml:m:1'), environment: Environment.fromImage(v as string) });
    },
    N,
  );
  attempt(
    'Environment.conda',
    (s, v) => {
      dep(s, {
        model: Model.fromAssetId('azureml:m:1'),
        environment: Environment.fromImage('mcr.microsoft.com/a:1', { condaFile: v as string }),
      });
    },
    N,
  );
  attempt(
    'Environment.fromAssetId',
    (s, v) => {
      dep(s, { model: Model.fromAssetId('azureml:m:1'), environment: Environment.fromAssetId(v as string) });
    },
    N,
  );
  attempt(
    'Code.fromLocalPath',
    (s, v) => {
      dep(s, {
        model: Model.fromAssetId('azureml:m:1'),
        environment: Environment.fromAssetId('azureml:e:1'),
        code: CodeConfiguration.fromLocalPath(v as string, 'score.py'),
      });
    },
    N,
  );
  attempt(
    'Code.script',
    (s, v) => {
      dep(s, {
        model: Model.fromAssetId('azureml:m:1'),
        environment: Environment.fromAssetId('azureml:e:1'),
        code: CodeConfiguration.fromLocalPath('examples/model-1/onlinescoring', v as string),
      });
    },
    N,
  );
  attempt(
    'routeTraffic',
    (s, v) => {
      dep(s, {}).routeTraffic({ d: v as number });
    },
    N,
  );
  attempt(
    'routeTraffic map',
    (s, v) => {
      dep(s, {}).routeTraffic(v as never);
    },
    N,
  );
  attempt(
    'mirrorTraffic',
    (s, v) => {
      dep(s, {}).mirrorTraffic(v as never, 10);
    },
    N,
  );
  attempt(
    'mirrorTrafficByName',
    (s, v) => {
      dep(s, {}).mirrorTrafficByName(v as string, 10);
    },
    N,
  );
  attempt(
    'mirrorTraffic pct',
    (s, v) => {
      const e = dep(s, {});
      new OnlineDeployment(s, 'G', { endpoint: e, model: Model.mlflowFromAssetId('azureml:m:1') });
      e.mirrorTrafficByName('g', v as number);
    },
    N,
  );
  attempt(
    'blue',
    (s, v) => {
      const endpoint = new SecureOnlineEndpoint(s, 'E', {
        workspace: new FakeWorkspace(s, 'W'),
        endpointName: 'endpt-1',
      });
      new BlueDeployment(s, 'B', { endpoint, ...howToDeployment(), instanceCount: v as number });
    },
    N,
  );
  expect(crashes).toEqual([]);
});
