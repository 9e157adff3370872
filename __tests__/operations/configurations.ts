/**
 * The documented day-one operations configurations (docs/autoscale.md, docs/endpoint.md "Who may call it" and
 * "Logs", docs/deployment.md "MLflow", docs/workspace.md "Existing workspaces"), each a whole stack: snapshot
 * tests, conformance and real `terraform validate` all build them from here.
 */
import { TerraformStack } from 'cdktf';
import { AzapiResource } from '../../src/azapi';
import { MlApiVersion } from '../../src/arm';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Principal } from '../../src/core';
import { BlueDeployment, Model, OnlineDeployment, ScalingSchedule, WeekDay } from '../../src/deployment';
import { EndpointAuthMode, EndpointLogs, MetricAggregation, SecureOnlineEndpoint } from '../../src/endpoint';
import { Duration } from '../../src/core';
import { InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { howToDeployment } from '../endpoint/helpers';
import { howToStack } from '../endpoint/how-to-stack';
import { DocumentedConfiguration } from '../support/documented';
import { testStack } from '../support/synth';
import { armId, SUB } from '../workspace/fixtures';

export const MLFLOW_MODEL_DIR = '__tests__/deployment/fixtures/mlflow-model';
const CALLER_OBJECT_ID = '11111111-2222-3333-4444-555555555555';
const GROUP_OBJECT_ID = '66666666-7777-8888-9999-000000000000';

/** The how-to with blue, in `stack`. */
function autoscaled(stack: TerraformStack): OnlineDeployment {
  const { endpoint } = howToStack({}, {}, undefined, stack);
  return new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
}

/** A workspace made elsewhere (`az ml workspace create`), for `test:apply`, whose emulated ARM starts empty. */
function existingWorkspace(name: string, properties: object, ignoreManagedNetwork = false) {
  return (stack: TerraformStack) =>
    new AzapiResource(stack, 'ExistingBeforeTheStack', {
      type: MlApiVersion.V2026_05_15_PREVIEW.resourceType('workspaces'),
      name,
      parentId: `/subscriptions/${SUB}/resourceGroups/rg-ml`,
      location: 'westeurope',
      identity: { type: 'SystemAssigned' },
      // What `az ml workspace create` sets and the stack reads back (uploads go to the storage account).
      body: {
        properties: {
          storageAccount: armId('rg-ml', 'Microsoft.Storage', `storageAccounts/st${name.replace(/-/g, '')}`),
          keyVault: armId('rg-ml', 'Microsoft.KeyVault', `vaults/kv-${name}`),
          ...properties,
        },
      },
      // ARM re-cases the Key Vault id's provider segment (Microsoft.Keyvault).
      ignoreCasing: true,
      // enableManagedNetwork changes it: the stand-in must not undo that on the second plan.
      ignoreBodyChanges: ignoreManagedNetwork ? ['properties.managedNetwork'] : undefined,
    });
}

function callerIdentity(stack: TerraformStack): UserAssignedIdentity {
  return new UserAssignedIdentity(stack, 'Caller', {
    name: 'uai-caller',
    location: 'westeurope',
    resourceGroupName: 'rg-ml',
  });
}

const EXISTING = {
  resourceGroupName: 'rg-ml',
  subscriptionId: SUB,
  location: 'westeurope',
  inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
  logAnalyticsWorkspaceId: armId('rg-ml', 'Microsoft.OperationalInsights', 'workspaces/log-existing'),
};

/** Snapshot-tested, conformance-checked, validated with real Terraform and applied by `npm run test:apply`. */
export const OPERATIONS_CONFIGURATIONS: readonly DocumentedConfiguration[] = [
  {
    title: 'autoscale on CPU utilization',
    stackName: 'operations-autoscale-cpu',
    build: (stack) => {
      autoscaled(stack)
        .autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 })
        .scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
    },
  },
  {
    title: 'autoscale on request latency',
    stackName: 'operations-autoscale-latency',
    build: (stack) => {
      autoscaled(stack)
        .autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 })
        .scaleOnRequestLatency('Latency', { targetMilliseconds: 200, scaleOutBy: 2 });
    },
  },
  {
    title: 'autoscale on any metric, with durations',
    stackName: 'operations-autoscale-metric',
    build: (stack) => {
      const blue = autoscaled(stack);
      blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 }).scaleOnMetric('Requests', {
        metric: blue.endpoint.metricRequestsPerMinute({
          aggregation: MetricAggregation.MAXIMUM,
          period: Duration.minutes(5),
          dimensions: { deployment: ['blue'] },
        }),
        scaleOutThreshold: 1200,
        scaleInThreshold: 300,
        evaluationWindow: Duration.minutes(15),
        scaleInCooldown: Duration.minutes(20),
      });
    },
  },
  {
    title: 'autoscale on a schedule, with CPU rules in every profile',
    stackName: 'operations-autoscale-schedule',
    build: (stack) => {
      const scaling = autoscaled(stack).autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 });
      scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
      scaling.scaleOnSchedule('business-hours', {
        schedule: ScalingSchedule.weekly({
          days: [WeekDay.MONDAY, WeekDay.TUESDAY, WeekDay.WEDNESDAY, WeekDay.THURSDAY, WeekDay.FRIDAY],
          startHour: 8,
          endHour: 20,
          timeZone: 'W. Europe Standard Time',
        }),
        minInstances: 2,
        maxInstances: 8,
      });
      scaling.scaleOnSchedule('year-end-sale', {
        schedule: ScalingSchedule.between({ start: '2026-12-26T00:00:00Z', end: '2026-12-31T23:59:00Z' }),
        minInstances: 4,
        maxInstances: 10,
      });
    },
  },
  {
    title: 'grantInvoke on an AADToken endpoint',
    stackName: 'operations-grant-aad',
    build: (stack) => {
      const { endpoint } = howToStack({}, { authMode: EndpointAuthMode.AAD_TOKEN }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
      endpoint.grantInvoke(callerIdentity(stack));
      endpoint.grantInvoke(Principal.servicePrincipal(CALLER_OBJECT_ID));
      endpoint.grantInvoke(Principal.group(GROUP_OBJECT_ID));
    },
  },
  {
    title: 'grantInvoke on an AMLToken endpoint',
    stackName: 'operations-grant-aml',
    build: (stack) => {
      const { endpoint } = howToStack({}, { authMode: EndpointAuthMode.AML_TOKEN }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
      endpoint.grantInvoke(callerIdentity(stack));
    },
  },
  {
    title: 'logs to the workspace Log Analytics (default)',
    stackName: 'operations-logs-default',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'logs to another Log Analytics workspace',
    stackName: 'operations-logs-other',
    build: (stack) => {
      const central = new LogAnalyticsWorkspace(stack, 'CentralLogs', {
        name: 'log-central',
        location: 'westeurope',
        resourceGroupName: 'rg-ml',
        sku: 'PerGB2018',
        retentionInDays: 90,
      });
      const logs = EndpointLogs.toLogAnalytics(central);
      const { endpoint } = howToStack({}, { logs }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'logs archived to a storage account',
    stackName: 'operations-logs-storage',
    build: (stack) => {
      const archive = new StorageAccount(stack, 'Archive', {
        name: 'stlogarchive',
        location: 'westeurope',
        resourceGroupName: 'rg-ml',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
        minTlsVersion: 'TLS1_2',
        allowNestedItemsToBePublic: false,
      });
      const logs = EndpointLogs.toStorageAccount(archive);
      const { endpoint } = howToStack({}, { logs }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'logs turned off',
    stackName: 'operations-logs-off',
    build: (stack) => {
      const { endpoint } = howToStack({}, { logs: EndpointLogs.disabled() }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'MLflow model from a local folder under approved outbound',
    stackName: 'operations-mlflow-local',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, model: Model.mlflowFromLocalPath(MLFLOW_MODEL_DIR) });
    },
  },
  {
    title: 'MLflow model by asset id under approved outbound',
    stackName: 'operations-mlflow-asset-id',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', {
        endpoint,
        model: Model.mlflowFromAssetId('azureml://registries/azureml/models/mlflow-regression/versions/1'),
      });
    },
  },
  {
    title: 'imported workspace verified at plan time',
    stackName: 'operations-imported-verified',
    build: (stack) => {
      const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Workspace', {
        ...EXISTING,
        workspaceName: 'mlw-existing',
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      });
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace,
        endpointName: 'endpt-moe-1',
      });
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
    existingBeforeTheStack: existingWorkspace('mlw-existing', {
      v1LegacyMode: false,
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
    }),
  },
  {
    title: 'workspace imported by its ARM id',
    stackName: 'operations-imported-by-id',
    build: (stack) => {
      const workspace = ManagedVnetWorkspace.fromWorkspaceId(
        stack,
        'Workspace',
        armId('rg-ml', 'Microsoft.MachineLearningServices', 'workspaces/mlw-by-id'),
      );
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace,
        endpointName: 'endpt-moe-1',
        inboundAccessArrangedElsewhere: true,
        logs: EndpointLogs.toLogAnalytics({ id: EXISTING.logAnalyticsWorkspaceId }),
      });
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
    existingBeforeTheStack: existingWorkspace('mlw-by-id', {
      v1LegacyMode: false,
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
    }),
  },
  {
    title: 'managed network enabled on an existing workspace',
    stackName: 'operations-enable-managed-network',
    build: (stack) => {
      const workspace = ManagedVnetWorkspace.enableManagedNetwork(stack, 'Workspace', {
        ...EXISTING,
        workspaceName: 'mlw-legacy',
      });
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace,
        endpointName: 'endpt-moe-1',
      });
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
    existingBeforeTheStack: existingWorkspace(
      'mlw-legacy',
      { v1LegacyMode: false, managedNetwork: { isolationMode: 'Disabled' } },
      true,
    ),
  },
];

/** A configuration by title, built in a new test stack. */
export function buildConfiguration(title: string): TerraformStack {
  const configuration = OPERATIONS_CONFIGURATIONS.find((c) => c.title === title);
  if (configuration === undefined) throw new Error(`no configuration '${title}'`);
  const stack = testStack();
  configuration.build(stack);
  return stack;
}
