/**
 * A test generated from the public API, not from a list of cases. The declarations (TypeScript compiler over
 * src/index.ts, as lib/*.d.ts show them) give every exported construct, static factory and construct method, and
 * the props of their parameters; the readers' schemas (src/checks/read.ts, constants exported next to each props
 * interface, found by support/schemas.ts)
 * give each prop's kind and what a Terraform token means for it. A prop found in the declarations without a
 * reader, or a reader for a prop the declarations do not have, fails the first test.
 *
 * The second test feeds every prop, each where it is declared once: a Terraform token of its kind, a token of
 * another kind, nothing, an empty value, a value of another kind, and for ARM ids the id of another resource
 * type. Each case must end in a synth with the token passed through (its `var.` reference in the output, no
 * stand-in value anywhere), or in a coded refusal that names the prop; never in another error (a TypeError).
 *
 * The fixtures below are the smallest valid call of each owner (a construct needs its scope and required props);
 * the cases are generated from the kinds.
 */
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import * as api from '../../src';
import { AzapiResource } from '../../src/azapi';
import { ConfigurationError, ConfigurationErrors, configurationProblems } from '../../src/checks';
import { Reader, Schema } from '../../src/checks/read';
import { exportedSchemas } from '../support/schemas';
import { ApiOwner, ApiParam, walkApi } from '../support/api-walk';
import { FakeWorkspace } from '../support/fake-workspace';
import { testStack } from '../support/synth';
import { armId, LITERAL_RG } from '../workspace/fixtures';

const STORAGE_ID = armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata');
const VAULT_ID = armId('rg-data', 'Microsoft.KeyVault/vaults', 'kv-data');
const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const IDENTITY = {
  id: armId('rg-id', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ml'),
  principalId: '11111111-1111-1111-1111-111111111111',
  clientId: '22222222-2222-2222-2222-222222222222',
};
/** The smallest value of reference interfaces with required fields, for a case that sets one of their props. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  IWorkspaceStorageAccount: { id: STORAGE_ID },
  IWorkspaceKeyVault: { id: VAULT_ID },
  IWorkspaceContainerRegistry: { id: armId('rg-data', 'Microsoft.ContainerRegistry/registries', 'crdata') },
  IWorkspaceApplicationInsights: { id: armId('rg-data', 'Microsoft.Insights/components', 'appi') },
  IVirtualNetwork: { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet') },
  CustomerManagedKeyOptions: {
    keyVault: { id: VAULT_ID },
    keyId: 'https://kv-data.vault.azure.net/keys/cmk',
    identity: IDENTITY,
  },
  ICustomerManagedKeyVault: { id: VAULT_ID },
  UserAssignedWorkspaceIdentityOptions: {},
};
const MLFLOW = 'mlflow-model';
const MODEL_DIR = `__tests__/deployment/fixtures/${MLFLOW}`;

type Args = Record<string, unknown>;

/** How to call an owner: its smallest valid arguments, and the call. */
interface Fixture {
  readonly args: (stack: TerraformStack) => Args;
  readonly run: (stack: TerraformStack, args: Args) => void;
}

// Brought associated resources: the created ones are fed through SecureAssociatedResources.
const workspaceProps = (): api.ManagedVnetWorkspaceProps => ({
  resourceGroup: LITERAL_RG,
  workspaceName: 'mlw-api',
  inboundPrivateEndpoint: { subnet: SUBNET },
  storageAccount: { ...SAMPLES.IWorkspaceStorageAccount } as unknown as api.IWorkspaceStorageAccount,
  keyVault: { ...SAMPLES.IWorkspaceKeyVault } as unknown as api.IWorkspaceKeyVault,
  containerRegistry: { ...SAMPLES.IWorkspaceContainerRegistry } as unknown as api.IWorkspaceContainerRegistry,
  applicationInsights: {
    ...SAMPLES.IWorkspaceApplicationInsights,
  } as unknown as api.IWorkspaceApplicationInsights,
});
const importedAttrs = (): api.ImportedWorkspaceAttributes => ({
  workspaceName: 'mlw-imported',
  resourceGroupName: 'rg-ml',
  location: 'westeurope',
  isolationMode: api.IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
  workspaceId: armId('rg-ml', 'Microsoft.MachineLearningServices/workspaces', 'mlw-imported'),
  inboundAccess: api.InboundAccess.PRIVATE_ENDPOINT,
  logAnalyticsWorkspaceId: armId('rg-ml', 'Microsoft.OperationalInsights/workspaces', 'log'),
});
const endpointIn = (s: Construct, extra: Args = {}): api.SecureOnlineEndpoint =>
  new api.SecureOnlineEndpoint(s, 'Endpoint', {
    workspace: new FakeWorkspace(s, 'Workspace'),
    endpointName: 'endpt-api',
    ...extra,
  } as unknown as api.SecureOnlineEndpointProps);
const mlflowDeployment = (
  s: Construct,
  endpoint: api.ISecureOnlineEndpoint,
  extra: Args = {},
): api.OnlineDeployment =>
  new api.OnlineDeployment(s, 'Blue', {
    endpoint,
    deploymentName: 'blue',
    model: api.Model.mlflowFromAssetId('azureml:m:1'),
    allTraffic: true,
    ...extra,
  } as unknown as api.OnlineDeploymentProps);
/** A deployment serving a model built by `model`, so a factory's result is used (and uploaded) for real. */
const deploymentWith = (s: Construct, props: Args): void => {
  const endpoint = endpointIn(s);
  mlflowDeployment(s, endpoint, props);
};
const withImage = { environment: undefined as unknown };
const scaling = (s: Construct): api.InstanceScaling => {
  const deployment = mlflowDeployment(s, endpointIn(s));
  return deployment.autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 });
};
const customModel = (): api.Model => api.Model.fromAssetId('azureml:m:1');
const environment = (): api.Environment => api.Environment.fromAssetId('azureml:e:1');

const MCSB_ASSIGNMENT =
  '/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn';

/** A benchmark assignment factory's fixture: exemptions of a workspace from the assignment it makes. */
const exemptionsFrom = (factory: (id: string) => api.BenchmarkAssignment): Fixture => ({
  args: () => ({ assignmentId: MCSB_ASSIGNMENT }),
  run: (s, a) => {
    new api.BenchmarkExemptions(s, 'Exemptions', {
      workspace: new api.ManagedVnetWorkspace(s, 'Workspace', workspaceProps()),
      assignments: [factory(a.assignmentId as string)],
    });
  },
});

const FIXTURES: Record<string, Fixture> = {
  AzapiProvider: {
    args: () => ({ config: { alias: 'second' } }),
    run: (s, a) => {
      const provider = new api.AzapiProvider(s, 'Second', a.config as api.AzapiProviderConfig);
      new AzapiResource(s, 'R', { type: 'T@1', name: 'n', parentId: LITERAL_RG.id, provider });
    },
  },
  BlueDeployment: {
    args: (s) => ({
      props: { endpoint: endpointIn(s), model: customModel(), environment: environment() },
    }),
    run: (s, a) => {
      new api.BlueDeployment(s, 'Blue', a.props as api.BlueDeploymentProps);
    },
  },
  OnlineDeployment: {
    args: (s) => ({
      props: { endpoint: endpointIn(s), model: customModel(), environment: environment(), allTraffic: true },
    }),
    run: (s, a) => {
      new api.OnlineDeployment(s, 'Green', a.props as api.OnlineDeploymentProps);
    },
  },
  'OnlineDeployment#autoScaleInstanceCount': {
    args: () => ({ instanceRange: { minInstances: 1, maxInstances: 3 } }),
    run: (s, a) => {
      mlflowDeployment(s, endpointIn(s)).autoScaleInstanceCount(a.instanceRange as api.InstanceCountRange);
    },
  },
  'CodeConfiguration.fromAssetId': {
    args: () => ({ codeId: 'azureml:code:1', scoringScript: 'score.py' }),
    run: (s, a) => {
      const code = api.CodeConfiguration.fromAssetId(a.codeId as string, a.scoringScript as string);
      deploymentWith(s, { model: customModel(), code, environment: environment() });
    },
  },
  'CodeConfiguration.fromLocalPath': {
    args: () => ({ directory: '__tests__/deployment/fixtures/code', scoringScript: 'score.py', options: {} }),
    run: (s, a) => {
      const code = api.CodeConfiguration.fromLocalPath(
        a.directory as string,
        a.scoringScript as string,
        a.options as api.LocalAssetOptions,
      );
      deploymentWith(s, { model: customModel(), code, environment: environment() });
    },
  },
  'EndpointIdentity.userAssigned': {
    args: () => ({ identity: IDENTITY }),
    run: (s, a) => {
      endpointIn(s, { identity: api.EndpointIdentity.userAssigned(a.identity as api.IUserAssignedIdentity) });
    },
  },
  'EndpointLogs.toEventHub': {
    args: () => ({
      options: {
        authorizationRuleId: armId('rg-eh', 'Microsoft.EventHub/namespaces', 'ns/authorizationRules/send'),
      },
    }),
    run: (s, a) => {
      endpointIn(s, { logs: api.EndpointLogs.toEventHub(a.options as api.EventHubLogOptions) });
    },
  },
  'EndpointLogs.toLogAnalytics': {
    args: () => ({ workspace: { id: armId('rg-ml', 'Microsoft.OperationalInsights/workspaces', 'log') } }),
    run: (s, a) => {
      endpointIn(s, { logs: api.EndpointLogs.toLogAnalytics(a.workspace as api.IArmResource) });
    },
  },
  'EndpointLogs.toStorageAccount': {
    args: () => ({ account: { id: STORAGE_ID } }),
    run: (s, a) => {
      endpointIn(s, { logs: api.EndpointLogs.toStorageAccount(a.account as api.IArmResource) });
    },
  },
  'Environment.fromAssetId': {
    args: () => ({ environmentId: 'azureml:env:1' }),
    run: (s, a) => {
      deploymentWith(s, {
        model: customModel(),
        environment: api.Environment.fromAssetId(a.environmentId as string),
      });
    },
  },
  'Environment.fromImage': {
    args: () => ({ image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', options: {} }),
    run: (s, a) => {
      const env = api.Environment.fromImage(a.image as string, a.options as api.ImageEnvironmentOptions);
      deploymentWith(s, { model: customModel(), environment: env });
    },
  },
  'ImageBuildCompute.cluster': {
    args: () => ({ options: {} }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...workspaceProps(),
        imageBuildCompute: api.ImageBuildCompute.cluster(a.options as api.ImageBuildClusterOptions),
      });
    },
  },
  'ImageBuildCompute.existing': {
    args: () => ({ computeName: 'builder' }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...workspaceProps(),
        imageBuildCompute: api.ImageBuildCompute.existing(a.computeName as string),
      });
    },
  },
  InstanceScaling: {
    args: (s) => {
      const endpoint = endpointIn(s);
      const deployment = mlflowDeployment(s, endpoint);
      return {
        props: {
          endpoint,
          deploymentName: 'blue',
          deploymentId: deployment.deploymentId,
          defaultInstances: 1,
          deployment: deployment.resource,
          minInstances: 1,
          maxInstances: 3,
        },
      };
    },
    run: (s, a) => {
      new api.InstanceScaling(s, 'Scaling', a.props as api.InstanceScalingProps);
    },
  },
  'InstanceScaling#scaleOnCpuUtilization': {
    args: () => ({ id: 'cpu', options: { targetUtilizationPercent: 70 } }),
    run: (s, a) => {
      scaling(s).scaleOnCpuUtilization(a.id as string, a.options as api.CpuUtilizationScalingOptions);
    },
  },
  'InstanceScaling#scaleOnRequestLatency': {
    args: () => ({ id: 'latency', options: { targetMilliseconds: 500 } }),
    run: (s, a) => {
      scaling(s).scaleOnRequestLatency(a.id as string, a.options as api.RequestLatencyScalingOptions);
    },
  },
  'InstanceScaling#scaleOnSchedule': {
    args: () => ({
      id: 'office',
      options: {
        schedule: api.ScalingSchedule.weekly({ startHour: 8, endHour: 18 }),
        minInstances: 2,
        maxInstances: 4,
      },
    }),
    run: (s, a) => {
      scaling(s).scaleOnSchedule(a.id as string, a.options as api.ScheduledScalingOptions);
    },
  },
  'InstanceScaling#scaleOnMetric': {
    args: () => ({
      id: 'queue',
      options: {
        metric: new api.Metric({
          metricNamespace: 'Microsoft.X/y',
          metricName: 'Queue',
          resourceId: LITERAL_RG.id,
        }),
        scaleOutThreshold: 10,
        scaleInThreshold: 2,
      },
    }),
    run: (s, a) => {
      scaling(s).scaleOnMetric(a.id as string, a.options as api.MetricScalingRuleOptions);
    },
  },
  ...durationFixtures(),
  ...metricFixtures('SecureOnlineEndpointBase', api.SecureOnlineEndpointBase.prototype, (s) => endpointIn(s)),
  ...metricFixtures('OnlineDeployment', api.OnlineDeployment.prototype, (s) =>
    mlflowDeployment(s, endpointIn(s)),
  ),
  'ScalingSchedule.weekly': {
    args: () => ({ options: { days: [api.WeekDay.MONDAY], startHour: 8, endHour: 18 } }),
    run: (s, a) => {
      const schedule = api.ScalingSchedule.weekly(a.options as api.WeeklyScheduleOptions);
      scaling(s).scaleOnSchedule('window', { schedule, minInstances: 2, maxInstances: 4 });
    },
  },
  'ScalingSchedule.between': {
    args: () => ({ options: { start: '2026-12-24T00:00:00Z', end: '2026-12-27T00:00:00Z' } }),
    run: (s, a) => {
      const schedule = api.ScalingSchedule.between(a.options as api.FixedWindowOptions);
      scaling(s).scaleOnSchedule('year-end', { schedule, minInstances: 2, maxInstances: 4 });
    },
  },
  ManagedVnetWorkspace: {
    args: () => ({ props: workspaceProps() }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', a.props as api.ManagedVnetWorkspaceProps);
    },
  },
  'ManagedVnetWorkspace.fromWorkspaceAttributes': {
    args: () => ({ attrs: importedAttrs() }),
    run: (s, a) => {
      const ws = api.ManagedVnetWorkspace.fromWorkspaceAttributes(
        s,
        'Imported',
        a.attrs as api.ImportedWorkspaceAttributes,
      );
      useWorkspace(s, ws);
    },
  },
  'ManagedVnetWorkspace.fromWorkspaceId': {
    args: () => ({
      workspaceId: armId('rg-ml', 'Microsoft.MachineLearningServices/workspaces', 'mlw-imported'),
    }),
    run: (s, a) => {
      useWorkspace(s, api.ManagedVnetWorkspace.fromWorkspaceId(s, 'Imported', a.workspaceId as string));
    },
  },
  'ManagedVnetWorkspace.enableManagedNetwork': {
    args: () => ({ props: { ...importedAttrs(), isolationMode: undefined } }),
    run: (s, a) => {
      const ws = api.ManagedVnetWorkspace.enableManagedNetwork(
        s,
        'Enabled',
        a.props as api.EnableManagedNetworkProps,
      );
      useWorkspace(s, ws);
    },
  },
  'ManagedVnetWorkspaceBase#addOutboundFqdnRule': {
    args: () => ({ id: 'Pypi', options: { ruleName: 'pypi', destination: 'pypi.org' } }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', workspaceProps()).addOutboundFqdnRule(
        a.id as string,
        a.options as api.OutboundFqdnRuleOptions,
      );
    },
  },
  'ManagedVnetWorkspaceBase#addOutboundPrivateEndpointRule': {
    args: () => ({
      id: 'Data',
      options: {
        ruleName: 'data',
        serviceResourceId: STORAGE_ID,
        subresourceTarget: api.PrivateEndpointTarget.BLOB,
      },
    }),
    run: (s, a) => {
      api.ManagedVnetWorkspace.fromWorkspaceAttributes(
        s,
        'Imported',
        importedAttrs(),
      ).addOutboundPrivateEndpointRule(a.id as string, a.options as api.OutboundPrivateEndpointRuleOptions);
    },
  },
  'ManagedVnetWorkspaceBase#addOutboundServiceTagRule': {
    args: () => ({ id: 'Monitor', options: { ruleName: 'monitor', serviceTag: 'AzureMonitor' } }),
    run: (s, a) => {
      api.ManagedVnetWorkspace.fromWorkspaceAttributes(
        s,
        'Imported',
        importedAttrs(),
      ).addOutboundServiceTagRule(a.id as string, a.options as api.OutboundServiceTagRuleOptions);
    },
  },
  'MlApiVersion.of': {
    args: () => ({ version: '2026-05-01' }),
    run: (s, a) => {
      // A real workspace: the factory's problems are reported by the construct its value is given to.
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...workspaceProps(),
        apiVersion: api.MlApiVersion.of(a.version as string),
      });
    },
  },
  'Model.fromAssetId': {
    args: () => ({ assetId: 'azureml:m:1' }),
    run: (s, a) => {
      deploymentWith(s, { model: api.Model.fromAssetId(a.assetId as string), environment: environment() });
    },
  },
  'Model.mlflowFromAssetId': {
    args: () => ({ assetId: 'azureml:m:1' }),
    run: (s, a) => {
      deploymentWith(s, { model: api.Model.mlflowFromAssetId(a.assetId as string) });
    },
  },
  'Model.fromLocalPath': {
    args: () => ({ localPath: MODEL_DIR, options: {} }),
    run: (s, a) => {
      const model = api.Model.fromLocalPath(a.localPath as string, a.options as api.LocalAssetOptions);
      deploymentWith(s, { model, environment: environment() });
    },
  },
  'Model.mlflowFromLocalPath': {
    args: () => ({ localPath: MODEL_DIR, options: {} }),
    run: (s, a) => {
      deploymentWith(s, {
        model: api.Model.mlflowFromLocalPath(a.localPath as string, a.options as api.LocalAssetOptions),
      });
    },
  },
  OutboundFqdnRule: {
    args: (s) => ({
      props: { workspace: new FakeWorkspace(s, 'Workspace'), ruleName: 'pypi', destination: 'pypi.org' },
    }),
    run: (s, a) => {
      new api.OutboundFqdnRule(s, 'Rule', a.props as api.OutboundFqdnRuleProps);
    },
  },
  OutboundServiceTagRule: {
    args: (s) => ({
      props: {
        workspace: new FakeWorkspace(s, 'Workspace'),
        ruleName: 'monitor',
        serviceTag: 'AzureMonitor',
      },
    }),
    run: (s, a) => {
      new api.OutboundServiceTagRule(s, 'Rule', a.props as api.OutboundServiceTagRuleProps);
    },
  },
  OutboundPrivateEndpointRule: {
    args: (s) => ({
      props: {
        workspace: api.ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', importedAttrs()),
        ruleName: 'data',
        serviceResourceId: STORAGE_ID,
        subresourceTarget: api.PrivateEndpointTarget.BLOB,
      },
    }),
    run: (s, a) => {
      new api.OutboundPrivateEndpointRule(s, 'Rule', a.props as api.OutboundPrivateEndpointRuleProps);
    },
  },
  'OutboundPrivateEndpointRule.forRegistry': {
    args: (s) => ({
      props: {
        workspace: api.ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', importedAttrs()),
        registryId: armId('rg-reg', 'Microsoft.MachineLearningServices/registries', 'mlr'),
        registryStorageAccountId: STORAGE_ID,
        registryContainerRegistryId: armId('rg-reg', 'Microsoft.ContainerRegistry/registries', 'crmlr'),
      },
    }),
    run: (s, a) => {
      api.OutboundPrivateEndpointRule.forRegistry(s, 'Registry', a.props as api.RegistryOutboundRulesProps);
    },
  },
  'AzureRegion.of': {
    args: () => ({ name: 'newregion' }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...(workspaceProps() as api.ManagedVnetWorkspaceProps),
        location: api.AzureRegion.of(a.name as string),
      });
    },
  },
  'InstanceType.of': {
    args: () => ({ name: 'Standard_New_v9' }),
    run: (s, a) => {
      deploymentWith(s, {
        model: customModel(),
        environment: environment(),
        instanceType: api.InstanceType.of(a.name as string),
      });
    },
  },
  'ServiceTag.of': {
    args: () => ({ name: 'NewTag' }),
    run: (s, a) => {
      new api.OutboundServiceTagRule(s, 'Rule', {
        workspace: new FakeWorkspace(s, 'Workspace'),
        ruleName: 'tag',
        serviceTag: api.ServiceTag.of(a.name as string),
      });
    },
  },
  'Principal.group': principal((id) => api.Principal.group(id)),
  'Principal.servicePrincipal': principal((id) => api.Principal.servicePrincipal(id)),
  'Principal.user': principal((id) => api.Principal.user(id)),
  'OutboundRuleDestination.fqdn': {
    args: () => ({ hostName: 'pypi.org' }),
    run: (s, a) => customRule(s, api.OutboundRuleDestination.fqdn(a.hostName as string)),
  },
  'OutboundRuleDestination.privateEndpoint': {
    args: () => ({
      options: { serviceResourceId: STORAGE_ID, subresourceTarget: api.PrivateEndpointTarget.BLOB },
    }),
    run: (s, a) =>
      customRule(
        s,
        api.OutboundRuleDestination.privateEndpoint(a.options as api.PrivateEndpointDestinationOptions),
      ),
  },
  'OutboundRuleDestination.serviceTag': {
    args: () => ({ options: { serviceTag: 'AzureMonitor' } }),
    run: (s, a) =>
      customRule(s, api.OutboundRuleDestination.serviceTag(a.options as api.ServiceTagDestinationOptions)),
  },
  'PrivateEndpointTarget.of': {
    args: () => ({ groupId: 'searchService' }),
    run: (s, a) => {
      new api.OutboundPrivateEndpointRule(s, 'Rule', {
        workspace: new FakeWorkspace(s, 'Workspace'),
        ruleName: 'search',
        serviceResourceId: armId('rg', 'Microsoft.Search/searchServices', 'srch'),
        subresourceTarget: api.PrivateEndpointTarget.of(a.groupId as string),
        grantApproverRole: false,
      });
    },
  },
  SecureOnlineEndpoint: {
    args: (s) => ({ props: { workspace: new FakeWorkspace(s, 'Workspace'), endpointName: 'endpt-api' } }),
    run: (s, a) => {
      new api.SecureOnlineEndpoint(s, 'Endpoint', a.props as api.SecureOnlineEndpointProps);
    },
  },
  'SecureOnlineEndpoint.fromEndpointAttributes': {
    args: (s) => ({
      attrs: { workspace: new FakeWorkspace(s, 'Workspace'), endpointName: 'endpt-imported' },
    }),
    run: (s, a) => {
      const endpoint = api.SecureOnlineEndpoint.fromEndpointAttributes(
        s,
        'Imported',
        a.attrs as api.SecureOnlineEndpointAttributes,
      );
      mlflowDeployment(s, endpoint);
      new AzapiResource(s, 'Uses', {
        type: 'T@1',
        name: 'u',
        parentId: LITERAL_RG.id,
        body: {
          uris: [endpoint.endpointScoringUri, endpoint.endpointSwaggerUri],
          pna: endpoint.publicNetworkAccess,
        },
      });
    },
  },
  'SecureOnlineEndpointBase#addDeployment': {
    args: () => ({
      id: 'Blue',
      props: { model: customModel(), environment: environment(), allTraffic: true },
    }),
    run: (s, a) => {
      endpointIn(s).addDeployment(a.id as string, a.props as api.OnlineDeploymentOptions);
    },
  },
  'SecureOnlineEndpointBase#grantInvoke': {
    args: () => ({ grantee: { principalId: IDENTITY.principalId } }),
    run: (s, a) => {
      endpointIn(s, { authMode: api.EndpointAuthMode.AAD_TOKEN }).grantInvoke(a.grantee as api.IPrincipal);
    },
  },
  'SecureOnlineEndpointBase#routeTraffic': {
    args: () => ({ split: { blue: 90, green: 10 }, options: {} }),
    run: (s, a) => {
      const endpoint = endpointIn(s);
      mlflowDeployment(s, endpoint, { allTraffic: false });
      new api.OnlineDeployment(s, 'GreenDeployment', {
        endpoint,
        deploymentName: 'green',
        model: api.Model.mlflowFromAssetId('azureml:m:1'),
      });
      endpoint.routeTraffic(
        a.split as { [deploymentName: string]: number },
        a.options as api.RouteTrafficOptions,
      );
    },
  },
  'SecureOnlineEndpointBase#mirrorTraffic': {
    args: (s) => {
      const endpoint = endpointIn(s);
      mlflowDeployment(s, endpoint);
      const shadow = new api.OnlineDeployment(s, 'Shadow', {
        endpoint,
        deploymentName: 'shadow',
        model: api.Model.mlflowFromAssetId('azureml:m:1'),
      });
      return { deployment: shadow, percent: 10, endpoint };
    },
    run: (_s, a) => {
      (a.endpoint as api.SecureOnlineEndpoint).mirrorTraffic(
        a.deployment as api.IOnlineDeployment,
        a.percent as number,
      );
    },
  },
  'SecureOnlineEndpointBase#mirrorTrafficByName': {
    args: () => ({ deploymentName: 'shadow', percent: 10 }),
    run: (s, a) => {
      const endpoint = endpointIn(s);
      mlflowDeployment(s, endpoint);
      new api.OnlineDeployment(s, 'Shadow', {
        endpoint,
        deploymentName: 'shadow',
        model: api.Model.mlflowFromAssetId('azureml:m:1'),
      });
      endpoint.mirrorTrafficByName(a.deploymentName as string, a.percent as number);
    },
  },
  'WorkspaceIdentity.userAssigned': {
    args: () => ({ identity: IDENTITY }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...workspaceProps(),
        identity: api.WorkspaceIdentity.userAssigned(
          a.identity as api.IUserAssignedIdentity,
          a.options as api.UserAssignedWorkspaceIdentityOptions,
        ),
      });
    },
  },
  // The storage options configure the account the workspace creates (SE163 refuses them with a brought one).
  'StorageNetworkAccess.allowedIpRanges': {
    args: () => ({ ranges: ['20.1.2.3'] }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...workspaceProps(),
        storageAccount: undefined,
        storageNetworkAccess: api.StorageNetworkAccess.allowedIpRanges(a.ranges as string[]),
      });
    },
  },
  BenchmarkExemptions: {
    args: (s) => ({
      props: {
        workspace: new api.ManagedVnetWorkspace(s, 'Workspace', workspaceProps()),
        assignments: [api.BenchmarkAssignment.microsoftCloudSecurityBenchmark(MCSB_ASSIGNMENT)],
      },
    }),
    run: (s, a) => {
      new api.BenchmarkExemptions(s, 'Exemptions', a.props as api.BenchmarkExemptionsProps);
    },
  },
  'BenchmarkAssignment.microsoftCloudSecurityBenchmark': exemptionsFrom((id) =>
    api.BenchmarkAssignment.microsoftCloudSecurityBenchmark(id),
  ),
  'BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2': exemptionsFrom((id) =>
    api.BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2(id),
  ),
  // Saved queries go to the created Log Analytics workspace: with a brought Application Insights, SE142.
  'SavedQueriesStorage.storageAccount': {
    args: () => ({
      storageAccountId: armId('rg-ml', 'Microsoft.Storage/storageAccounts', 'stqueries'),
    }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...workspaceProps(),
        applicationInsights: undefined,
        savedQueriesStorage: api.SavedQueriesStorage.storageAccount(a.storageAccountId as string),
      });
    },
  },
  'StorageNetworkAccess.privateEndpoint': {
    args: () => ({ options: { subnet: SUBNET } }),
    run: (s, a) => {
      new api.ManagedVnetWorkspace(s, 'Workspace', {
        ...workspaceProps(),
        storageAccount: undefined,
        storageNetworkAccess: api.StorageNetworkAccess.privateEndpoint(
          a.options as api.StoragePrivateEndpointOptions,
        ),
      });
    },
  },
};
void withImage;

function principal(make: (id: string) => api.IPrincipal): Fixture {
  return {
    args: () => ({ objectId: '44444444-4444-4444-4444-444444444444' }),
    run: (s, a) => {
      endpointIn(s, { authMode: api.EndpointAuthMode.AAD_TOKEN }).grantInvoke(make(a.objectId as string));
    },
  };
}

/**
 * Each `Duration` factory, used where any whole number of its unit is valid: a deployment's `maxQueueWait`
 * (whole milliseconds, no minimum; zero is no wait), so that a refusal can only be about the amount itself.
 */
function durationFixtures(): Record<string, Fixture> {
  const factories = ['millis', 'seconds', 'minutes', 'hours', 'days'] as const;
  return Object.fromEntries(
    factories.map((factory) => [
      `Duration.${factory}`,
      {
        args: () => ({ amount: 2 }),
        run: (s: TerraformStack, a: Args) => {
          const duration = api.Duration[factory](a.amount as number);
          deploymentWith(s, {
            model: customModel(),
            environment: environment(),
            requestSettings: { maxQueueWait: duration },
          });
        },
      },
    ]),
  );
}

/**
 * Every metric method of a class (`metric(metricName, options)` and each `metricXxx(options)`), its metric used
 * in an alert so that a token given for it shows in the output.
 */
function metricFixtures(
  owner: string,
  prototype: object,
  make: (s: Construct) => { metric(name: string, options?: api.MetricOptions): api.Metric },
): Record<string, Fixture> {
  const methods = Object.getOwnPropertyNames(prototype).filter((n) => /^metric/.test(n));
  return Object.fromEntries(
    methods.map((method) => [
      `${owner}#${method}`,
      {
        args: () => (method === 'metric' ? { metricName: 'RequestLatency', options: {} } : { options: {} }),
        run: (s: TerraformStack, a: Args) => {
          const target = make(s) as unknown as Record<string, (...args: unknown[]) => api.Metric>;
          const m = method === 'metric' ? target.metric(a.metricName, a.options) : target[method](a.options);
          new MonitorMetricAlert(s, 'Alert', {
            name: 'alert',
            resourceGroupName: 'rg-ml',
            scopes: [m.resourceId],
            criteria: [m.toAlertCriteria(api.MetricAlertOperator.GREATER_THAN, 1)],
          });
        },
      },
    ]),
  );
}

/** A rule of a class of its own on `OutboundRuleBase`, writing the given destination. */
function customRule(s: TerraformStack, destination: api.OutboundRuleDestination): void {
  class CustomRule extends api.OutboundRuleBase {
    constructor() {
      super(s, 'Rule', { workspace: new FakeWorkspace(s, 'Workspace'), ruleName: 'custom' });
    }
    protected renderRule(): api.OutboundRuleResourceOptions {
      return { destination };
    }
  }
  new CustomRule();
}

/** Uses every attribute of an imported workspace, so a token given for one shows in the output. */
function useWorkspace(s: TerraformStack, ws: api.IManagedVnetWorkspace): void {
  ws.addOutboundPrivateEndpointRule('Data', {
    ruleName: 'data',
    serviceResourceId: STORAGE_ID,
    subresourceTarget: api.PrivateEndpointTarget.BLOB,
  });
  new AzapiResource(s, 'Uses', {
    type: 'T@1',
    name: 'u',
    parentId: LITERAL_RG.id,
    body: {
      ids: [
        ws.storageAccountId,
        ws.keyVaultId,
        ws.containerRegistryId ?? '',
        (ws as api.IManagedVnetWorkspace).logAnalyticsWorkspaceId ?? '',
      ],
      store: ws.workspaceBlobStore,
      ready: ws.managedNetworkReady.length,
    },
  });
}

/** The reader of each parameter of an owner, and the schema name it was found under. */
function paramReaders(owner: ApiOwner): { schema: Schema; name: string } | undefined {
  const schemas = exportedSchemas();
  const own = schemas.get(owner.declaringName);
  if (own !== undefined) return { schema: own, name: owner.declaringName };
  // A constructor or factory with one props object: the props interface's schema.
  const objects = owner.params.filter((p) => p.typeName !== undefined);
  if (owner.params.length === 1 && objects.length === 1) {
    const schema = schemas.get(objects[0].typeName as string);
    if (schema !== undefined)
      return {
        schema: { [objects[0].name]: propsReader(objects[0].typeName as string, schema) },
        name: objects[0].typeName as string,
      };
  }
  return undefined;
}

function propsReader(name: string, fields: Schema): Reader {
  return {
    kind: 'object',
    tokens: 'never',
    optional: false,
    fields,
    schemaName: name,
    read: (v) => ({ value: v }),
  };
}

interface PropCase {
  readonly owner: ApiOwner;
  /** Path from the owner's arguments: `['props', 'requestSettings', 'requestTimeoutMs']`. */
  readonly path: readonly string[];
  readonly reader: Reader;
  readonly declaredAt: string;
}

/** Compares the declared params with the readers, collecting what differs and every prop to feed. */
function classify(owners: readonly ApiOwner[]): { problems: string[]; props: PropCase[] } {
  const problems: string[] = [];
  const props: PropCase[] = [];
  const visit = (
    owner: ApiOwner,
    declared: readonly ApiParam[],
    schema: Schema,
    path: string[],
    where: string,
  ) => {
    const names = new Set(declared.map((p) => p.name));
    for (const p of declared) {
      const reader = schema[p.name];
      if (reader === undefined) {
        problems.push(
          `${where}.${p.name} (${p.declaredAt}) has no reader: classify it next to its definition`,
        );
        continue;
      }
      if (reader.optional !== p.optional && reader.kind !== 'construct' && path.length > 0) {
        // A required value the construct reports itself reads as optional; only the reverse is an error.
        if (p.optional && !reader.optional) {
          problems.push(`${where}.${p.name} is optional in the declarations but its reader requires it`);
        }
      }
      props.push({ owner, path: [...path, p.name], reader, declaredAt: p.declaredAt });
      if (p.props !== undefined) {
        if (reader.fields === undefined) {
          problems.push(`${where}.${p.name} is an interface (${p.typeName}) but its reader has no fields`);
        } else {
          visit(owner, p.props, reader.fields, [...path, p.name], `${where}.${p.name}`);
        }
      }
    }
    for (const field of Object.keys(schema)) {
      if (!names.has(field)) problems.push(`${where}.${field} has a reader but no declaration`);
    }
  };
  for (const owner of owners) {
    if (owner.params.length === 0) continue;
    const found = paramReaders(owner);
    if (found === undefined) {
      problems.push(
        `${owner.name} (${owner.declaringName}) has no schema: export one next to it (defineProps)`,
      );
      continue;
    }
    visit(owner, owner.params, found.schema, [], owner.name);
  }
  return { problems, props };
}

// ---------------------------------------------------------------------------------------------------------------

let owners: ApiOwner[] = [];
beforeAll(() => {
  owners = walkApi();
});

test('every prop of the public API has a reader, and every reader a declared prop', () => {
  const { problems, props } = classify(owners);
  expect(problems).toEqual([]);
  expect(owners.length).toBeGreaterThan(50);
  expect(props.length).toBeGreaterThan(300);
});

/** The value of a case, made in the case's stack. */
type CaseValue = (stack: TerraformStack) => unknown;
interface Case {
  readonly name: string;
  readonly value: CaseValue;
  /** What must happen: 'pass' with the token in the output, 'refuse' naming the prop, or 'either'. */
  readonly expect: 'pass-token' | 'pass' | 'refuse' | 'either';
}

const TEXT_KINDS = new Set(['text', 'name', 'arm-id', 'duration']);
const NUMBER_KINDS = new Set(['whole', 'number']);

const variable = (type: string) => (s: TerraformStack) => new TerraformVariable(s, 'case_token', { type });

/** The cases a prop of this kind gets. */
function casesFor(reader: Reader): Case[] {
  const cases: Case[] = [];
  // `unknown`: the value only informs checks, which skip a token; it synthesizes without being sent.
  const tokenUse =
    reader.tokens === 'expression' ? 'pass-token' : reader.tokens === 'unknown' ? 'pass' : 'refuse';
  const kind = reader.kind;
  if (TEXT_KINDS.has(kind)) {
    cases.push({ name: 'text token', value: (s) => variable('string')(s).stringValue, expect: tokenUse });
    cases.push({ name: 'number token', value: (s) => variable('number')(s).numberValue, expect: 'refuse' });
    cases.push({ name: 'empty text', value: () => '', expect: 'either' });
    cases.push({ name: 'a number', value: () => 42, expect: 'refuse' });
  } else if (NUMBER_KINDS.has(kind)) {
    cases.push({ name: 'number token', value: (s) => variable('number')(s).numberValue, expect: tokenUse });
    cases.push({ name: 'text token', value: (s) => variable('string')(s).stringValue, expect: 'refuse' });
    cases.push({ name: 'zero', value: () => 0, expect: 'either' });
    cases.push({ name: 'text', value: () => '3', expect: 'refuse' });
  } else if (kind === 'boolean') {
    cases.push({ name: 'bool token', value: (s) => variable('bool')(s).booleanValue, expect: tokenUse });
    cases.push({ name: 'number token', value: (s) => variable('number')(s).numberValue, expect: 'refuse' });
    cases.push({ name: 'text', value: () => 'true', expect: 'refuse' });
  } else if (kind === 'list') {
    cases.push({ name: 'list token', value: (s) => variable('list(string)')(s).listValue, expect: tokenUse });
    cases.push({ name: 'number token', value: (s) => variable('number')(s).numberValue, expect: 'refuse' });
    cases.push({ name: 'empty list', value: () => [], expect: 'either' });
    cases.push({ name: 'text', value: () => 'Monday', expect: 'refuse' });
  } else if (kind === 'record' || kind === 'tags' || kind === 'body') {
    cases.push({ name: 'map token', value: (s) => variable('map(string)')(s).value, expect: tokenUse });
    cases.push({ name: 'text token', value: (s) => variable('string')(s).stringValue, expect: 'refuse' });
    cases.push({ name: 'empty object', value: () => ({}), expect: 'either' });
    cases.push({ name: 'text', value: () => 'a=b', expect: 'refuse' });
  } else {
    // enum, class, object, reference, construct, provider, dependables: no token form.
    cases.push({ name: 'text token', value: (s) => variable('string')(s).stringValue, expect: 'refuse' });
    if (kind === 'object' || kind === 'reference') {
      cases.push({ name: 'empty object', value: () => ({}), expect: 'either' });
    }
    cases.push({ name: 'text', value: () => 'TEXT', expect: 'refuse' });
  }
  cases.push({ name: 'undefined', value: () => undefined, expect: 'either' });
  cases.push({ name: 'null', value: () => null, expect: 'refuse' });
  if (kind === 'arm-id') {
    const other =
      reader.resourceType?.toLowerCase() === 'microsoft.storage/storageaccounts' ? VAULT_ID : STORAGE_ID;
    cases.push({
      name: 'an id of another resource type',
      value: () => other,
      expect: reader.resourceType === undefined ? 'either' : 'refuse',
    });
  }
  return cases;
}

/** Sets `value` at `path` in a copy of `args`, creating the parents from their schema's smallest value. */
function withValue(args: Args, path: readonly string[], value: unknown, parents: readonly Reader[]): Args {
  const copy: Args = { ...args };
  let at: Record<string, unknown> = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      if (value === undefined) delete at[key];
      else at[key] = value;
      return;
    }
    const current = at[key];
    const next: Record<string, unknown> =
      typeof current === 'object' && current !== null && !Array.isArray(current)
        ? { ...(current as Record<string, unknown>) }
        : smallest(parents[i]);
    at[key] = next;
    at = next;
  });
  return copy;
}

/** The smallest valid value of an object reader: its required fields. */
function smallest(reader: Reader | undefined): Record<string, unknown> {
  return { ...(SAMPLES[reader?.schemaName ?? ''] ?? {}) };
}

/** What a case ended in. */
type Outcome =
  | { kind: 'refused'; messages: string[]; unlocated?: boolean }
  | { kind: 'synth'; output: string }
  | { kind: 'crash'; error: string };

function runCase(
  fixture: Fixture,
  path: readonly string[],
  parents: readonly Reader[],
  value: CaseValue,
  mustRefuse: boolean,
): Outcome {
  const stack = testStack();
  try {
    const args = withValue(fixture.args(stack), path, value(stack), parents);
    fixture.run(stack, args);
    const problems = configurationProblems(stack);
    if (problems.length > 0) return { kind: 'refused', messages: problems.map((p) => p.message) };
    // Synth refuses exactly what configurationProblems lists: a case that must be refused has failed already.
    if (mustRefuse) return { kind: 'synth', output: '' };
    return { kind: 'synth', output: Testing.synth(stack) };
  } catch (e) {
    if (e instanceof ConfigurationErrors)
      return { kind: 'refused', messages: e.errors.map((p) => p.message) };
    if (e instanceof ConfigurationError)
      return { kind: 'refused', messages: [e.message], unlocated: e.path === undefined };
    const error = e as Error;
    return { kind: 'crash', error: `${error.name}: ${error.message.split('\n')[0]}` };
  }
}

/** A stand-in read as a literal: a number token's huge negative value, or a token's text marker. */
const STAND_IN = /-\d(\.\d+)?e\+\d{2,3}|tftoken|TOKEN\.\d+/i;

test('every prop, fed tokens of its kind and of another, nothing, empty and wrong values: passed through or refused by name', () => {
  const { props } = classify(owners);
  const failures: string[] = [];
  const seen = new Set<string>();
  let count = 0;
  let propCount = 0;
  const timing = new Map<string, number>();
  for (const prop of props) {
    // A prop declared once (OnlineDeploymentOptions.instanceCount) is fed once, by the first owner that has it.
    if (seen.has(prop.declaredAt)) continue;
    seen.add(prop.declaredAt);
    const fixtureName = prop.owner.kind === 'method' ? prop.owner.declaringName : prop.owner.name;
    const fixture = FIXTURES[fixtureName];
    if (fixture === undefined) {
      failures.push(`${prop.owner.name}: no fixture to call it with`);
      continue;
    }
    propCount += 1;
    const parents = parentReaders(prop);
    const leaf = prop.path[prop.path.length - 1];
    // A whole props object is named by its interface or by any of its fields; a prop by its name, also written
    // in words ('workspace name' for workspaceName).
    const names = [
      leaf,
      ...(prop.path.length === 1 && prop.reader.fields
        ? [prop.reader.schemaName ?? '', ...Object.keys(prop.reader.fields)]
        : []),
    ]
      .filter((n) => n !== '')
      .map(normalize);
    const baseArgs = fixture.args(testStack());
    for (const c of casesFor(prop.reader)) {
      // Leaving out an optional prop the fixture does not set is the fixture itself, fed elsewhere.
      if (
        c.name === 'undefined' &&
        prop.reader.optional &&
        valueAt(baseArgs, prop.path) === undefined &&
        prop.path.length > 1
      )
        continue;
      count += 1;
      const started = Date.now();
      const outcome = runCase(fixture, prop.path, parents, c.value, c.expect === 'refuse');
      timing.set(prop.owner.name, (timing.get(prop.owner.name) ?? 0) + Date.now() - started);
      const where = `${prop.owner.name} ${prop.path.join('.')} = ${c.name}`;
      if (outcome.kind === 'crash') {
        failures.push(`${where}: crashed with ${outcome.error}`);
      } else if (outcome.kind === 'refused') {
        const coded = outcome.messages.every((m) => /^\[SE\d{3}\]/.test(m));
        const named = outcome.messages.some((m) => names.some((n) => normalize(m).includes(n)));
        if (outcome.unlocated === true && prop.owner.kind !== 'static')
          failures.push(`${where}: thrown without the construct path: ${outcome.messages[0]}`);
        else if (!coded || !named)
          failures.push(`${where}: refused without naming ${leaf}: ${outcome.messages.join(' | ')}`);
        else if (c.expect === 'pass-token' || c.expect === 'pass')
          failures.push(`${where}: refused, but the prop passes tokens: ${outcome.messages[0]}`);
      } else {
        if (STAND_IN.test(outcome.output))
          failures.push(`${where}: a token's stand-in value is in the output`);
        if (c.expect === 'refuse') failures.push(`${where}: synthesized, but must be refused`);
        // A yes/no or number token read as its stand-in leaves no trace but a wrong decision: it must show.
        const mustShow = prop.reader.kind === 'boolean' || NUMBER_KINDS.has(prop.reader.kind);
        if (c.expect === 'pass-token' && mustShow && !outcome.output.includes('var.case_token')) {
          failures.push(`${where}: synthesized without the token: it was read as a literal or dropped`);
        }
      }
    }
  }
  console.log(`API-generated cases: ${count} cases over ${propCount} props of ${owners.length} owners`);
  if (process.env.API_PROPS_TIMING) console.log([...timing].sort((a, b) => b[1] - a[1]).slice(0, 15));
  expect(failures).toEqual([]);
});

/** Lower case letters and digits only: `workspaceName` and 'workspace name' compare equal. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function valueAt(args: Args, path: readonly string[]): unknown {
  let at: unknown = args;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function parentReaders(prop: PropCase): Reader[] {
  const found = paramReaders(prop.owner);
  const readers: Reader[] = [];
  let schema: Schema | undefined = found?.schema;
  for (const key of prop.path.slice(0, -1)) {
    const reader: Reader | undefined = schema?.[key];
    if (reader === undefined) break;
    readers.push(reader);
    schema = reader.fields;
  }
  return readers;
}

void AzurermProvider;
