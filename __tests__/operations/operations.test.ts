/**
 * Behaviour and checks of the day-one operations: autoscale, grantInvoke, endpoint logs, MLflow image-build
 * rules, imported-workspace verification and enableManagedNetwork. Each check has a test that fires it and one
 * proving the nearest valid input passes.
 */
import { spawnSync } from 'child_process';
import { TerraformVariable, Testing } from 'cdktf';
import { Principal } from '../../src/core';
import {
  BlueDeployment,
  InstanceScaling,
  OnlineDeployment,
  ScalingSchedule,
  WeekDay,
} from '../../src/deployment';
import { EndpointAuthMode, EndpointLogs, SecureOnlineEndpoint } from '../../src/endpoint';
import { FirewallSku, InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { endpointOn, howTo, howToDeployment } from '../endpoint/helpers';
import {
  onlyResource,
  resourcesOfType,
  synthJson,
  synthWith,
  testStack,
  mlResourceNamed,
} from '../support/synth';
import { SUB } from '../workspace/fixtures';
import { buildConfiguration, MLFLOW_MODEL_DIR } from './configurations';
import { Construct } from 'constructs';
import { Model } from '../../src/deployment';

const DEPLOYMENTS = 'workspaces/onlineEndpoints/deployments';
const GUID = '11111111-2222-3333-4444-555555555555';
const LOGS = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.OperationalInsights/workspaces/log-existing`;
const RULE_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.EventHub/namespaces/ehns/authorizationRules/send`;

type Json = ReturnType<typeof synthJson>;
type Profile = {
  name: string;
  capacity: Record<string, number>;
  rule?: unknown[];
  recurrence?: Record<string, unknown>;
};

function scaledBlue(
  scope: Construct,
  instanceCount = 1,
): { blue: BlueDeployment; endpoint: SecureOnlineEndpoint } {
  const { endpoint } = endpointOn(scope);
  const blue = new BlueDeployment(scope, 'Blue', { endpoint, ...howToDeployment(), instanceCount });
  return { blue, endpoint };
}

function scaling(build: (s: InstanceScaling) => void, range = { minInstances: 1, maxInstances: 4 }): Json {
  return synthWith((s) => build(scaledBlue(s).blue.autoScaleInstanceCount(range)));
}

function autoscaleSetting(json: Json): Record<string, unknown> & { profile: Profile[] } {
  return onlyResource(json, 'azurerm_monitor_autoscale_setting')[1] as Record<string, unknown> & {
    profile: Profile[];
  };
}

describe('autoscale', () => {
  test('one setting per deployment, targeting it, after it, default capacity = instanceCount', () => {
    const json = synthWith((s) =>
      scaledBlue(s, 2).blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 5 }),
    );
    const setting = autoscaleSetting(json);
    const blue = mlResourceNamed(json, DEPLOYMENTS, 'blue');
    expect(setting).toMatchObject({
      name: 'endpt-moe-1-blue-autoscale',
      resource_group_name: 'rg-ml',
      location: 'westeurope',
      enabled: true,
      target_resource_id: `\${${blue.address}.id}`,
      depends_on: [blue.address],
    });
    expect(setting.profile).toEqual([{ name: 'default', capacity: { minimum: 1, maximum: 5, default: 2 } }]);
    // Autoscale owns the capacity from now on: the next apply must not set it back. Terraform's ignore_changes,
    // which is no argument of the resource: adding autoscale does not send the deployment again.
    expect(blue.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['body.sku.capacity'] });
    expect(blue.ignore_body_changes).toBeUndefined();
  });

  test('without autoscale the deployment ignores no body change', () => {
    const json = synthWith((s) => howTo(s));
    expect(mlResourceNamed(json, DEPLOYMENTS, 'blue').ignore_body_changes).toBeUndefined();
    expect(mlResourceNamed(json, DEPLOYMENTS, 'blue').lifecycle).toEqual({ create_before_destroy: true });
  });

  test('CPU: scale out above the target on the deployment metric, in below half of it, cooldowns 5 and 10 min', () => {
    const [out, inn] = autoscaleSetting(
      scaling((s) => s.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 })),
    ).profile[0].rule as Array<Record<string, Record<string, unknown>>>;
    expect(out.metric_trigger).toMatchObject({
      metric_name: 'CpuUtilizationPercentage',
      metric_namespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
      operator: 'GreaterThan',
      threshold: 70,
      time_window: 'PT5M',
    });
    expect(out.scale_action).toEqual({
      direction: 'Increase',
      type: 'ChangeCount',
      value: 1,
      cooldown: 'PT5M',
    });
    expect(inn.metric_trigger).toMatchObject({ operator: 'LessThan', threshold: 35 });
    expect(inn.scale_action).toEqual({
      direction: 'Decrease',
      type: 'ChangeCount',
      value: 1,
      cooldown: 'PT10M',
    });
  });

  test('latency: the endpoint metric, on the endpoint', () => {
    const json = scaling((s) => s.scaleOnRequestLatency('Latency', { targetMilliseconds: 300 }));
    const [out] = autoscaleSetting(json).profile[0].rule as Array<Record<string, Record<string, unknown>>>;
    expect(out.metric_trigger).toMatchObject({
      metric_name: 'RequestLatency',
      metric_namespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
      metric_resource_id: '${azapi_resource.Endpoint_EEF1FD8F.id}',
      threshold: 300,
    });
  });

  test('a weekly window is two profiles: its own at the start, the default range back at the end', () => {
    const json = scaling((s) => {
      s.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
      s.scaleOnSchedule('nights', {
        schedule: ScalingSchedule.weekly({
          days: [WeekDay.SUNDAY],
          startHour: 22,
          endHour: 6,
          endMinute: 30,
        }),
        minInstances: 1,
        maxInstances: 1,
      });
    });
    const [def, nights, end] = autoscaleSetting(json).profile;
    expect(nights).toMatchObject({
      name: 'nights',
      capacity: { minimum: 1, maximum: 1, default: 1 },
      recurrence: { days: ['Sunday'], hours: [22], minutes: [0], timezone: 'UTC' },
    });
    // Ends the next morning: Monday.
    expect(end).toMatchObject({
      name: 'nights-end',
      capacity: def.capacity,
      recurrence: { days: ['Monday'], hours: [6], minutes: [30] },
    });
    expect(nights.rule).toEqual(def.rule);
    expect(end.rule).toEqual(def.rule);
  });

  test('a fixed window is one profile; its default capacity is the instance count kept in its range', () => {
    const json = scaling((s) =>
      s.scaleOnSchedule('sale', {
        schedule: ScalingSchedule.between({ start: '2026-12-26T00:00:00Z', end: '2026-12-31T00:00:00Z' }),
        minInstances: 3,
        maxInstances: 6,
      }),
    );
    const profiles = autoscaleSetting(json).profile;
    expect(profiles).toHaveLength(2);
    expect(profiles[1]).toMatchObject({
      capacity: { minimum: 3, maximum: 6, default: 3 },
      fixed_date: { start: '2026-12-26T00:00:00Z', end: '2026-12-31T00:00:00Z', timezone: 'UTC' },
    });
  });

  test('a Terraform variable for the instance counts is passed on, not refused', () => {
    const json = synthWith((s) => {
      const max = new TerraformVariable(s, 'max', { type: 'number' });
      scaledBlue(s).blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: max.numberValue });
    });
    expect(autoscaleSetting(json).profile[0].capacity.maximum).toBe('${var.max}');
  });

  describe('checks', () => {
    const scale =
      (range: { minInstances: number; maxInstances: number }, instanceCount = 1) =>
      () =>
        synthWith((s) => scaledBlue(s, instanceCount).blue.autoScaleInstanceCount(range));

    test('SE301 refuses minInstances above maxInstances; equal passes', () => {
      expect(scale({ minInstances: 4, maxInstances: 2 }, 2)).toThrow(
        /\[SE301\] .*minInstances 4 above maxInstances 2/,
      );
      expect(scale({ minInstances: 2, maxInstances: 2 }, 2)).not.toThrow();
    });

    test.each([
      [{ minInstances: 0, maxInstances: 2 }, 1, /minInstances of .* is 0/],
      [{ minInstances: 1, maxInstances: 51 }, 1, /maxInstances of .* is 51/],
      [{ minInstances: 1, maxInstances: 2.5 }, 1, /maxInstances of .* is 2.5/],
      [{ minInstances: 2, maxInstances: 4 }, 1, /starts at instanceCount 1, outside/],
      [{ minInstances: 1, maxInstances: 4 }, 5, /starts at instanceCount 5, outside/],
    ])('SE302 refuses %j with instanceCount %d', (range, count, message) => {
      expect(scale(range, count)).toThrow(/\[SE302\]/);
      expect(scale(range, count)).toThrow(message);
    });

    test('SE302: the nearest valid ranges pass', () => {
      expect(scale({ minInstances: 1, maxInstances: 50 })).not.toThrow();
      expect(scale({ minInstances: 1, maxInstances: 5 }, 5)).not.toThrow();
    });

    test('SE303 refuses a second autoscale setting on one deployment', () => {
      expect(() =>
        synthWith((s) => {
          const { blue } = scaledBlue(s);
          blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 2 });
          blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 3 });
        }),
      ).toThrow(/\[SE303\] test\/Blue: deployment 'blue' already has an autoscale setting/);
    });

    test('SE304 refuses a reused id, a sixth metric scaling and a twenty-first profile; the limits pass', () => {
      const cpu = (s: InstanceScaling, id: string) =>
        s.scaleOnCpuUtilization(id, { targetUtilizationPercent: 70 });
      expect(() => scaling((s) => [1, 2].forEach(() => cpu(s, 'Cpu')))).toThrow(
        /\[SE304\] .*reuses the id 'Cpu'/,
      );
      expect(() => scaling((s) => cpu(s, 'default'))).toThrow(/\[SE304\]/);
      expect(() => scaling((s) => [1, 2, 3, 4, 5].forEach((i) => cpu(s, `c${i}`)))).not.toThrow();
      expect(() => scaling((s) => [1, 2, 3, 4, 5, 6].forEach((i) => cpu(s, `c${i}`)))).toThrow(
        /\[SE304\] .*10 rules per profile/,
      );
      const windows = (n: number) => (s: InstanceScaling) => {
        for (let i = 0; i < n; i++) {
          s.scaleOnSchedule(`w${i}`, {
            schedule: ScalingSchedule.weekly({ startHour: i, endHour: i + 1 }),
            minInstances: 1,
            maxInstances: 2,
          });
        }
      };
      expect(() => scaling(windows(9))).not.toThrow(); // 1 + 9 x 2 = 19 profiles
      expect(() => scaling(windows(10))).toThrow(/\[SE304\] .*21 profiles/);
    });

    test.each([
      [{ targetUtilizationPercent: 101 }, /targetUtilizationPercent .* is 101/],
      [{ targetUtilizationPercent: 70, scaleInUtilizationPercent: 70 }, /scale-in threshold must be below/],
      [{ targetUtilizationPercent: 70, scaleOutCooldownMinutes: 0 }, /scaleOutCooldownMinutes .* is 0/],
      [{ targetUtilizationPercent: 70, evaluationMinutes: 4 }, /evaluationMinutes .* is 4/],
      [{ targetUtilizationPercent: 70, scaleInBy: 0 }, /scaleInBy .* is 0/],
    ])('SE305 refuses CPU scaling %j', (options, message) => {
      const run = () => scaling((s) => s.scaleOnCpuUtilization('Cpu', options));
      expect(run).toThrow(/\[SE305\]/);
      expect(run).toThrow(message);
    });

    test('SE305: the nearest valid CPU and latency scalings pass; latency thresholds are checked too', () => {
      expect(() =>
        scaling((s) =>
          s.scaleOnCpuUtilization('Cpu', {
            targetUtilizationPercent: 100,
            scaleInUtilizationPercent: 99,
            scaleOutCooldownMinutes: 1,
            evaluationMinutes: 5,
          }),
        ),
      ).not.toThrow();
      expect(() =>
        scaling((s) => s.scaleOnRequestLatency('L', { targetMilliseconds: 100, scaleInMilliseconds: 100 })),
      ).toThrow(/\[SE305\]/);
      expect(() =>
        scaling((s) => s.scaleOnRequestLatency('L', { targetMilliseconds: 100, scaleInMilliseconds: 99 })),
      ).not.toThrow();
    });

    test.each([
      [ScalingSchedule.weekly({ startHour: 24, endHour: 6 }), /startHour 24/],
      [ScalingSchedule.weekly({ startHour: 8, endHour: 20, endMinute: 60 }), /endMinute 60/],
      [ScalingSchedule.weekly({ days: [], startHour: 8, endHour: 20 }), /empty list of days/],
      [
        ScalingSchedule.weekly({ days: [WeekDay.MONDAY, WeekDay.MONDAY], startHour: 8, endHour: 20 }),
        /twice/,
      ],
      [
        ScalingSchedule.between({ start: '2026-12-31T00:00:00Z', end: '2026-12-26T00:00:00Z' }),
        /ends .* before/,
      ],
      [
        ScalingSchedule.between({ start: '26 Dec 2026', end: '2026-12-31T00:00:00Z' }),
        /not an RFC 3339 time/,
      ],
      [
        ScalingSchedule.between({ start: '2026-02-30T00:00:00Z', end: '2026-12-31T00:00:00Z' }),
        /2026-02 has no day 30/,
      ],
      [ScalingSchedule.between({ start: '2026-12-26T00:00Z', end: '2026-12-31T00:00:00Z' }), /no seconds/],
    ])('SE306 refuses schedule %#', (schedule, message) => {
      const run = () =>
        scaling((s) => s.scaleOnSchedule('w', { schedule, minInstances: 1, maxInstances: 2 }));
      expect(run).toThrow(/\[SE306\]/);
      expect(run).toThrow(message);
    });

    test('SE306: the nearest valid schedules pass', () => {
      for (const schedule of [
        ScalingSchedule.weekly({ startHour: 23, startMinute: 59, endHour: 0 }),
        ScalingSchedule.between({ start: '2026-12-26T00:00:00Z', end: '2026-12-26T01:01:00+01:00' }),
      ]) {
        expect(() =>
          scaling((s) => s.scaleOnSchedule('w', { schedule, minInstances: 1, maxInstances: 2 })),
        ).not.toThrow();
      }
    });

    test('SE301 and SE302 apply to scheduled ranges too', () => {
      const schedule = ScalingSchedule.weekly({ startHour: 8, endHour: 20 });
      expect(() =>
        scaling((s) => s.scaleOnSchedule('w', { schedule, minInstances: 3, maxInstances: 2 })),
      ).toThrow(/\[SE301\]/);
      expect(() =>
        scaling((s) => s.scaleOnSchedule('w', { schedule, minInstances: 0, maxInstances: 2 })),
      ).toThrow(/\[SE302\]/);
    });
  });
});

describe('grantInvoke', () => {
  const grants = (json: Json) => resourcesOfType(json, 'azurerm_role_assignment');
  const endpoint = (scope: Construct, authMode = EndpointAuthMode.AAD_TOKEN) =>
    endpointOn(scope, {}, { authMode }).endpoint;

  test('AADToken: only the scoring data action, assigned on the endpoint', () => {
    const json = synthWith((s) => endpoint(s).grantInvoke(Principal.servicePrincipal(GUID)));
    const [role] = Object.values(resourcesOfType(json, 'azurerm_role_definition'));
    expect(role.permissions).toEqual([
      {
        actions: [],
        data_actions: ['Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action'],
      },
    ]);
    const [grant] = Object.values(grants(json));
    expect(grant).toMatchObject({ scope: '${azapi_resource.Endpoint_EEF1FD8F.id}', principal_id: GUID });
  });

  test('AMLToken: only the token action', () => {
    const json = synthWith((s) => endpoint(s, EndpointAuthMode.AML_TOKEN).grantInvoke(Principal.user(GUID)));
    const [role] = Object.values(resourcesOfType(json, 'azurerm_role_definition'));
    expect(role.permissions).toEqual([
      { actions: ['Microsoft.MachineLearningServices/workspaces/onlineEndpoints/token/action'] },
    ]);
    expect(Object.values(grants(json))[0]).toMatchObject({ principal_type: 'User' });
  });

  test('the endpoint identity can be granted on another endpoint', () => {
    const json = synthWith((s) => {
      const caller = new SecureOnlineEndpoint(s, 'Caller', {
        // Another name than the Target's endpoint: endpoint names are unique in a region (SE227).
        workspace: endpointOn(s, {}, { endpointName: 'endpt-first' }).ws,
        endpointName: 'endpt-caller',
      });
      endpoint(new Construct(s, 'Target')).grantInvoke(
        Principal.servicePrincipal(caller.endpointPrincipalId),
      );
    });
    expect(Object.values(grants(json))[0].principal_id).toMatch(
      /^\$\{azapi_resource\.Caller_[0-9A-F]{8}\.output\.principalId\}$/,
    );
  });

  test('granting one principal twice makes one assignment; addresses do not depend on the order of grants', () => {
    const addresses = (order: string[]) =>
      Object.keys(
        grants(
          synthWith((s) => {
            const e = endpoint(s);
            for (const id of order) e.grantInvoke(Principal.servicePrincipal(id));
          }),
        ),
      ).sort();
    const other = '99999999-2222-3333-4444-555555555555';
    expect(addresses([GUID, GUID])).toHaveLength(1);
    expect(addresses([GUID, other])).toEqual(addresses([other, GUID]));
  });

  test('the role is defined at the workspace resource group: computed at synth for a literal workspace id', () => {
    const json = synthWith((s) => {
      const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Workspace', {
        workspaceName: 'mlw-existing',
        resourceGroupName: 'rg-ml',
        subscriptionId: SUB,
        location: 'westeurope',
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
        inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
        logAnalyticsWorkspaceId: LOGS,
      });
      new SecureOnlineEndpoint(s, 'Endpoint', {
        workspace,
        endpointName: 'endpt-moe-1',
        authMode: EndpointAuthMode.AAD_TOKEN,
      }).grantInvoke(Principal.servicePrincipal(GUID));
    });
    const [role] = Object.values(resourcesOfType(json, 'azurerm_role_definition'));
    expect(role).toMatchObject({
      scope: `/subscriptions/${SUB}/resourceGroups/rg-ml`,
      assignable_scopes: [`/subscriptions/${SUB}/resourceGroups/rg-ml`],
      name: 'AzureML online endpoint invoker endpt-moe-1 (rg-ml/mlw-existing)',
    });
  });

  test('SE310 refuses a key endpoint and says how key callers get keys; AADToken passes', () => {
    const run = (authMode: EndpointAuthMode) => () =>
      synthWith((s) => endpoint(s, authMode).grantInvoke(Principal.servicePrincipal(GUID)));
    expect(run(EndpointAuthMode.KEY)).toThrow(/\[SE310\] .*get-credentials.*listKeys\/action/);
    expect(run(EndpointAuthMode.AAD_TOKEN)).not.toThrow();
  });

  test.each(['', 'my-app', '11111111222233334444555555555555'])('SE311 refuses principal id %j', (id) => {
    expect(() => synthWith((s) => endpoint(s).grantInvoke(Principal.servicePrincipal(id)))).toThrow(
      /\[SE311\]/,
    );
  });

  test('SE311: a GUID or a token passes', () => {
    expect(() =>
      synthWith((s) => {
        const e = endpoint(s);
        e.grantInvoke(Principal.group(GUID.toUpperCase()));
        e.grantInvoke(Principal.user(new TerraformVariable(s, 'caller', { type: 'string' }).stringValue));
      }),
    ).not.toThrow();
  });
});

describe('endpoint logs', () => {
  const diagnostics = (json: Json) =>
    Object.values(resourcesOfType(json, 'azurerm_monitor_diagnostic_setting'));

  test('by default: console, traffic and event logs and all metrics to the workspace Log Analytics, dedicated tables', () => {
    const [setting] = diagnostics(synthWith((s) => endpointOn(s)));
    expect(setting).toEqual({
      name: 'endpoint-logs',
      target_resource_id: '${azapi_resource.Endpoint_EEF1FD8F.id}',
      log_analytics_workspace_id: expect.stringContaining(
        'Microsoft.OperationalInsights/workspaces/mlw-secure-log',
      ),
      log_analytics_destination_type: 'Dedicated',
      enabled_log: [
        { category: 'AmlOnlineEndpointConsoleLog' },
        { category: 'AmlOnlineEndpointTrafficLog' },
        { category: 'AmlOnlineEndpointEventLog' },
      ],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('an event hub destination has no Log Analytics destination type; disabled has no setting', () => {
    const [hub] = diagnostics(
      synthWith((s) =>
        endpointOn(
          s,
          {},
          { logs: EndpointLogs.toEventHub({ authorizationRuleId: RULE_ID, eventHubName: 'aml' }) },
        ),
      ),
    );
    expect(hub).toMatchObject({ eventhub_authorization_rule_id: RULE_ID, eventhub_name: 'aml' });
    expect(hub.log_analytics_destination_type).toBeUndefined();
    expect(diagnostics(synthWith((s) => endpointOn(s, {}, { logs: EndpointLogs.disabled() })))).toEqual([]);
  });

  test('SE320 refuses default logs when the workspace does not say where its Log Analytics is', () => {
    const run = (logs?: EndpointLogs) => () =>
      synthWith((s) => endpointOn(s, { logAnalyticsWorkspaceId: null }, { logs }));
    expect(run()).toThrow(/\[SE320\] .*EndpointLogs.disabled\(\)/);
    expect(run(EndpointLogs.disabled())).not.toThrow();
    expect(run(EndpointLogs.toLogAnalytics({ id: LOGS }))).not.toThrow();
  });
});

describe('MLflow models under approved outbound', () => {
  const rules = (json: Json) =>
    Object.keys(resourcesOfType(json, 'azapi_resource')).filter((n) => n.includes('ImageBuild'));

  test.each([
    ['local folder', () => Model.mlflowFromLocalPath(MLFLOW_MODEL_DIR)],
    ['asset id', () => Model.mlflowFromAssetId('azureml:mlflow-model:1')],
  ])('from a %s: the five package-index rules, waited for by the deployment', (_, model) => {
    const json = synthWith(
      (s) => new BlueDeployment(s, 'Blue', { endpoint: endpointOn(s).endpoint, model: model() }),
    );
    expect(rules(json)).toHaveLength(5);
    const deps = mlResourceNamed(json, DEPLOYMENTS, 'blue').depends_on ?? [];
    for (const rule of rules(json)) expect(deps).toContain(`azapi_resource.${rule}`);
  });

  test('no rules with a prebuilt environment, under internet outbound, or with the opt-out', () => {
    const mlflow = () => Model.mlflowFromAssetId('azureml:mlflow-model:1');
    const none = [
      synthWith(
        (s) =>
          new BlueDeployment(s, 'Blue', {
            endpoint: endpointOn(s).endpoint,
            model: mlflow(),
            addImageBuildOutboundRules: false,
          }),
      ),
      synthWith(
        (s) =>
          new BlueDeployment(s, 'Blue', {
            endpoint: endpointOn(s, { isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND }).endpoint,
            model: mlflow(),
          }),
      ),
    ];
    for (const json of none) expect(rules(json)).toEqual([]);
  });
});

describe('existing workspaces', () => {
  const attrs = {
    workspaceName: 'mlw-existing',
    resourceGroupName: 'rg-ml',
    subscriptionId: SUB,
    location: 'westeurope',
    inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
    logAnalyticsWorkspaceId: LOGS,
  };
  const postconditions = (json: Json) =>
    // The workspace verification (deployments' create-only guards read their endpoint too).
    (
      Object.values(json.data?.azapi_resource ?? {}).filter((d) => d.lifecycle !== undefined)[0]
        .lifecycle as {
        postcondition: Array<Record<string, string>>;
      }
    ).postcondition;

  test('an imported workspace declared without a managed network is checked for exactly that', () => {
    const json = synthWith((s) =>
      ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Workspace', {
        ...attrs,
        isolationMode: IsolationMode.DISABLED,
      }),
    );
    const conditions = postconditions(json).map((p) => p.condition);
    expect(conditions).toEqual([
      '${try(self.output.v1LegacyMode, false) != true}',
      '${coalesce(try(self.output.isolationMode, null), "Disabled") == "Disabled"}',
    ]);
  });

  test('every imported workspace is read, even with every attribute given', () => {
    const json = synthWith((s) =>
      ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Workspace', {
        ...attrs,
        isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND,
        workspaceGuid: 'guid',
        storageAccountId: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/st`,
        keyVaultId: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv`,
        workspacePrincipalId: GUID,
      }),
    );
    expect(postconditions(json)).toHaveLength(3);
  });

  test('enableManagedNetwork: everything in the workspace waits for the in-place update', () => {
    const json = synthJson(buildConfiguration('managed network enabled on an existing workspace'));
    const update = 'azapi_update_resource.Workspace_ManagedNetworkUpdate_A8DEE9C8';
    expect(mlResourceNamed(json, 'workspaces/onlineEndpoints', 'endpt-moe-1').parent_id).toBe(
      `\${${update}.id}`,
    );
    for (const [, rule] of Object.entries(resourcesOfType(json, 'azapi_resource')).filter(([n]) =>
      n.includes('ImageBuild'),
    )) {
      expect(rule.parent_id).toBe(`\${${update}.id}`);
    }
    const provisioning = Object.values(resourcesOfType(json, 'azapi_resource_action')).find(
      (a) => a.action === 'provisionManagedNetwork',
    );
    expect(provisioning?.depends_on).toContain(update);
    // Only v1 legacy mode is checked: the isolation mode is what this stack sets.
    expect(postconditions(json)).toHaveLength(1);
  });

  test('enableManagedNetwork with internet outbound sends no firewall SKU', () => {
    const json = synthWith((s) =>
      ManagedVnetWorkspace.enableManagedNetwork(s, 'Workspace', {
        ...attrs,
        isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND,
      }),
    );
    const [update] = Object.values(resourcesOfType(json, 'azapi_update_resource'));
    expect(update.body).toEqual({
      properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } },
    });
  });

  test('SE330 refuses enabling isolation Disabled; SE331 a firewall SKU without approved outbound', () => {
    const enable = (extra: object) => () =>
      synthWith((s) => ManagedVnetWorkspace.enableManagedNetwork(s, 'Workspace', { ...attrs, ...extra }));
    expect(enable({ isolationMode: IsolationMode.DISABLED })).toThrow(/\[SE330\]/);
    expect(enable({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND })).not.toThrow();
    expect(
      enable({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND, firewallSku: FirewallSku.BASIC }),
    ).toThrow(/\[SE331\]/);
    expect(enable({ firewallSku: FirewallSku.BASIC })).not.toThrow();
  });

  test('the postconditions render in HCL (cdktf synth --hcl) and parse', () => {
    const stack = testStack();
    ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Workspace', {
      ...attrs,
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
    });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toMatch(/lifecycle \{\s*postcondition \{/);
    const fmt = spawnSync('terraform', ['fmt', '-'], { input: hcl, encoding: 'utf8' });
    if (fmt.error === undefined) expect(fmt.stderr).not.toMatch(/Error:/);
  });
});

describe('deployments on other endpoints are untouched', () => {
  test('an OnlineDeployment without autoscale keeps its capacity under Terraform', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s);
      new OnlineDeployment(s, 'Green', { endpoint, ...howToDeployment(), instanceCount: 3 });
    });
    const green = mlResourceNamed(json, DEPLOYMENTS, 'green');
    expect((green.body as { sku: { capacity: number } }).sku.capacity).toBe(3);
    expect(green.ignore_body_changes).toBeUndefined();
  });
});

describe('problems are reported together, odd values are refused with a code', () => {
  test('one synth lists every problem of the day-one operations, each with its construct path', () => {
    let message = '';
    try {
      synthWith((s) => {
        const { endpoint } = endpointOn(s, { logAnalyticsWorkspaceId: null });
        const blue = new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
        blue.autoScaleInstanceCount({ minInstances: 3, maxInstances: 2 });
        endpoint.grantInvoke(Principal.servicePrincipal(GUID));
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/\[SE320\] test\/Endpoint:/);
    expect(message).toMatch(/\[SE310\] test\/Endpoint:/);
    expect(message).toMatch(/\[SE301\] test\/Blue\/AutoScale:/);
  });

  const odd: unknown[] = [null, '', 'seven', {}, []];
  test.each(odd)(
    'odd value %j for the new props and arguments: a ConfigurationError, never a TypeError',
    (v) => {
      const attempts: Array<(s: Construct) => void> = [
        (s) => scaledBlue(s).blue.autoScaleInstanceCount(v as never),
        (s) => scaledBlue(s).blue.autoScaleInstanceCount({ minInstances: v as number, maxInstances: 2 }),
        (s) =>
          scaledBlue(s)
            .blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 2 })
            .scaleOnCpuUtilization('Cpu', v as never),
        (s) =>
          scaledBlue(s)
            .blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 2 })
            .scaleOnSchedule('w', { schedule: v as never, minInstances: 1, maxInstances: 2 }),
        (s) => endpointOn(s, {}, { logs: v as never }),
        (s) => endpointOn(s, {}, { authMode: EndpointAuthMode.AAD_TOKEN }).endpoint.grantInvoke(v as never),
        (s) =>
          ManagedVnetWorkspace.enableManagedNetwork(s, 'Workspace', {
            workspaceName: 'mlw-existing',
            resourceGroupName: 'rg-ml',
            location: 'westeurope',
            isolationMode: v as never,
          }),
      ];
      for (const build of attempts) {
        try {
          synthWith(build);
        } catch (e) {
          expect((e as Error).name).toMatch(/^ConfigurationErrors?$/);
        }
      }
    },
  );
});
