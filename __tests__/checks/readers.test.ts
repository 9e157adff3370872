/**
 * The typed prop readers (src/checks/read.ts) and what a Terraform token means for the props the issue named:
 * each rule with a case that fires and one that passes, and each token passed through checked in the output.
 */
import { TerraformStack, TerraformVariable } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../../src/azapi';
import { ConfigurationErrors } from '../../src/checks';
import { BlueDeployment, Model, OnlineDeployment, ScalingSchedule, WeekDay } from '../../src/deployment';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { OutboundFqdnRule, OutboundPrivateEndpointRule, PrivateEndpointTarget } from '../../src/outbound';
import { IsolationMode, ManagedVnetWorkspace, ManagedVnetWorkspaceProps } from '../../src/workspace';
import { trafficUpdate } from '../endpoint/helpers';
import { FakeWorkspace } from '../support/fake-workspace';
import { resourcesOfType, synthJson, SynthesizedStack, testStack } from '../support/synth';
import { armId, LITERAL_RG } from '../workspace/fixtures';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };

/** The problem lines synth reports for what `build` makes, or [] and the output when it synthesizes. */
function synth(build: (stack: TerraformStack) => void): { problems: string[]; json?: SynthesizedStack } {
  const stack = testStack();
  try {
    build(stack);
    return { problems: [], json: synthJson(stack) };
  } catch (e) {
    if (e instanceof ConfigurationErrors) return { problems: e.errors.map((p) => p.message) };
    throw e;
  }
}

const boolVar = (s: TerraformStack) => new TerraformVariable(s, 'flag', { type: 'bool' }).booleanValue;
const numberVar = (s: TerraformStack, name = 'n') =>
  new TerraformVariable(s, name, { type: 'number' }).numberValue;
const workspace = (s: TerraformStack, extra: Partial<ManagedVnetWorkspaceProps> = {}) =>
  new ManagedVnetWorkspace(s, 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-readers',
    inboundPrivateEndpoint: { subnet: SUBNET },
    ...extra,
  });

describe('SE006 a Terraform expression where the prop decides at synth', () => {
  test('inboundAccessArrangedElsewhere from a variable is refused by name; a literal passes', () => {
    const fired = synth((s) =>
      workspace(s, {
        inboundPrivateEndpoint: undefined,
        inboundAccessArrangedElsewhere: boolVar(s) as never,
      }),
    );
    expect(fired.problems).toContainEqual(
      expect.stringMatching(
        /^\[SE006\] test\/Workspace: inboundAccessArrangedElsewhere is a Terraform expression/,
      ),
    );
    expect(
      synth((s) => workspace(s, { inboundPrivateEndpoint: undefined, inboundAccessArrangedElsewhere: true }))
        .problems,
    ).toEqual([]);
  });

  test('provisionManagedNetwork and addImageBuildOutboundRules from variables are refused', () => {
    expect(synth((s) => workspace(s, { provisionManagedNetwork: boolVar(s) as never })).problems).toEqual([
      expect.stringMatching(/\[SE006\].*provisionManagedNetwork.*provisioning action exists/),
    ]);
    const deployment = (s: TerraformStack, add: unknown) =>
      new OnlineDeployment(s, 'Blue', {
        endpoint: new SecureOnlineEndpoint(s, 'Endpoint', {
          workspace: new FakeWorkspace(s, 'W'),
          endpointName: 'e-1x',
        }),
        deploymentName: 'blue',
        model: Model.mlflowFromAssetId('azureml:m:1'),
        addImageBuildOutboundRules: add as boolean,
      });
    expect(synth((s) => deployment(s, boolVar(s))).problems).toEqual([
      expect.stringMatching(/\[SE006\] test\/Blue: addImageBuildOutboundRules/),
    ]);
    expect(synth((s) => deployment(s, false)).problems).toEqual([]);
  });
});

describe('SE007 a Terraform expression of the wrong kind', () => {
  test('a number token as a yes/no, a text token as a traffic share; the right kinds pass', () => {
    expect(synth((s) => workspace(s, { purgeOnDestroy: numberVar(s) as never })).problems).toEqual([
      expect.stringMatching(/\[SE007\] test\/Workspace: purgeOnDestroy is a Terraform number expression/),
    ]);
    const split = (s: TerraformStack, green: number) => {
      const endpoint = new SecureOnlineEndpoint(s, 'Endpoint', {
        workspace: new FakeWorkspace(s, 'W'),
        endpointName: 'e-1x',
      });
      for (const name of ['blue', 'green']) {
        new OnlineDeployment(s, name, {
          endpoint,
          deploymentName: name,
          model: Model.mlflowFromAssetId('azureml:m:1'),
        });
      }
      endpoint.routeTraffic({ blue: 100, green });
    };
    const text = new TerraformVariable(testStack(), 'share', { type: 'string' }).stringValue;
    expect(() => synth((s) => split(s, text as unknown as number))).toThrow(
      /\[SE007\] test\/Endpoint: split\['green'\] is a Terraform text expression, of the wrong kind/,
    );
    const passed = synth((s) => split(s, numberVar(s)));
    expect(passed.problems).toEqual([]);
    expect(JSON.stringify(passed.json)).toContain('${var.n}');
  });
});

describe('SE008 a provider of a type no resource of the construct uses', () => {
  test('an azurerm provider on an FQDN rule (azapi only) and a provider given as text are refused', () => {
    const rule = (s: TerraformStack, provider: unknown) =>
      new OutboundFqdnRule(s, 'Rule', {
        workspace: new FakeWorkspace(s, 'W'),
        ruleName: 'pypi',
        destination: 'pypi.org',
        provider: provider as AzapiProvider,
      });
    expect(
      synth((s) => rule(s, new AzurermProvider(s, 'second', { features: [{}], alias: 'second' }))).problems,
    ).toEqual([expect.stringMatching(/\[SE008\] test\/Rule: provider 'test\/second' is a azurerm provider/)]);
    expect(synth((s) => rule(s, 'azapi.second')).problems).toEqual([
      expect.stringMatching(/\[SE001\] test\/Rule: provider is the text 'azapi.second': give a provider/),
    ]);
    const passed = synth((s) => rule(s, new AzapiProvider(s, 'second', { alias: 'second' })));
    expect(passed.problems).toEqual([]);
    expect(Object.values(resourcesOfType(passed.json, 'azapi_resource')).map((r) => r.provider)).toContain(
      'azapi.second',
    );
  });
});

describe('SE009 a number out of range for a prop without a rule of its own', () => {
  test('softDeleteRetentionInDays 0 is refused; 14 passes', () => {
    expect(synth((s) => workspace(s, { softDeleteRetentionInDays: 0 })).problems).toEqual([
      expect.stringMatching(
        /\[SE009\] test\/Workspace: softDeleteRetentionInDays is 0: give a whole number of days/,
      ),
    ]);
    expect(synth((s) => workspace(s, { softDeleteRetentionInDays: 14 })).problems).toEqual([]);
  });
});

describe('yes/no props from Terraform variables are decided in Terraform, never read as true', () => {
  test('purgeOnDestroy: the DELETE query is a condition on the variable', () => {
    const { json } = synth((s) => workspace(s, { purgeOnDestroy: boolVar(s) as never }));
    const ws = Object.values(resourcesOfType(json, 'azapi_resource')).find((r) =>
      String(r.type).includes('/workspaces@'),
    );
    expect(ws?.delete_query_parameters).toBe('${var.flag ? {"forceToPurge" = ["true"]} : null}');
    const literal = synth((s) => workspace(s, { purgeOnDestroy: false })).json;
    const plain = Object.values(resourcesOfType(literal, 'azapi_resource')).find((r) =>
      String(r.type).includes('/workspaces@'),
    );
    expect(plain?.delete_query_parameters).toBeUndefined();
  });

  test('grantApproverRole: the approver role assignment has count = cond ? 1 : 0', () => {
    const rule = (s: TerraformStack, grant: unknown) =>
      new OutboundPrivateEndpointRule(s, 'Rule', {
        workspace: ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', {
          workspaceName: 'mlw-i',
          resourceGroupName: 'rg-ml',
          location: 'westeurope',
          isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
          workspaceId: armId('rg-ml', 'Microsoft.MachineLearningServices/workspaces', 'mlw-i'),
        }),
        ruleName: 'data',
        serviceResourceId: armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata'),
        subresourceTarget: PrivateEndpointTarget.BLOB,
        grantApproverRole: grant as boolean,
      });
    const roles = Object.values(
      resourcesOfType(synth((s) => rule(s, boolVar(s))).json, 'azurerm_role_assignment'),
    );
    expect(roles.map((r) => r.count)).toEqual(['${var.flag ? 1 : 0}']);
    expect(
      Object.values(resourcesOfType(synth((s) => rule(s, true)).json, 'azurerm_role_assignment')).map(
        (r) => r.count,
      ),
    ).toEqual([undefined]);
    expect(
      Object.values(resourcesOfType(synth((s) => rule(s, false)).json, 'azurerm_role_assignment')),
    ).toEqual([]);
  });

  test('allTraffic of a green deployment next to blue: 100 % to green only when the variable is true', () => {
    const build = (s: TerraformStack, green: unknown) => {
      const endpoint = new SecureOnlineEndpoint(s, 'Endpoint', {
        workspace: new FakeWorkspace(s, 'W'),
        endpointName: 'e-1x',
      });
      new BlueDeployment(s, 'Blue', { endpoint, model: Model.mlflowFromAssetId('azureml:m:1') });
      new OnlineDeployment(s, 'Green', {
        endpoint,
        deploymentName: 'green',
        model: Model.mlflowFromAssetId('azureml:m:1'),
        allTraffic: green as boolean,
      });
    };
    const json = synth((s) => build(s, boolVar(s))).json;
    const update = trafficUpdate(json as SynthesizedStack);
    expect(update.body.properties.traffic).toEqual({
      blue: '${var.flag ? 0 : 100}',
      green: '${var.flag ? 100 : 0}',
    });
    const literal = trafficUpdate(synth((s) => build(s, false)).json as SynthesizedStack);
    expect(literal.body.properties.traffic).toEqual({ blue: 100 });
  });

  test('SE229 two deployments taking allTraffic from expressions are refused; one passes (above)', () => {
    const problems = synth((s) => {
      const endpoint = new SecureOnlineEndpoint(s, 'Endpoint', {
        workspace: new FakeWorkspace(s, 'W'),
        endpointName: 'e-1x',
      });
      const flag = boolVar(s);
      for (const name of ['blue', 'green']) {
        new OnlineDeployment(s, name, {
          endpoint,
          deploymentName: name,
          model: Model.mlflowFromAssetId('azureml:m:1'),
          allTraffic: flag as unknown as boolean,
        });
      }
    }).problems;
    expect(problems).toEqual([
      expect.stringMatching(/\[SE229\] test\/Endpoint: deployments blue, green take allTraffic/),
    ]);
  });
});

describe('autoscale schedules', () => {
  const scaled = (s: TerraformStack) =>
    new OnlineDeployment(s, 'Blue', {
      endpoint: new SecureOnlineEndpoint(s, 'Endpoint', {
        workspace: new FakeWorkspace(s, 'W'),
        endpointName: 'e-1x',
      }),
      deploymentName: 'blue',
      model: Model.mlflowFromAssetId('azureml:m:1'),
    }).autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 });
  const profiles = (json: SynthesizedStack | undefined) =>
    (
      Object.values(resourcesOfType(json, 'azurerm_monitor_autoscale_setting'))[0] as {
        profile: Array<Record<string, unknown>>;
      }
    ).profile;

  test('days given as text are refused, not spread into letters; a list of days passes', () => {
    // A factory throws nothing: its value carries the problem, reported by the construct it is given to.
    const office = (days: unknown) => (s: TerraformStack) =>
      scaled(s).scaleOnSchedule('office', {
        schedule: ScalingSchedule.weekly({ days: days as WeekDay[], startHour: 8, endHour: 18 }),
        minInstances: 2,
        maxInstances: 4,
      });
    // The schedule is required: nothing can be built without it, so the method stops with the problem.
    expect(() => synth(office('Monday'))).toThrow(
      /\[SE001\] .*ScalingSchedule\.weekly: options\.days is the text 'Monday': give a list of WeekDay values/,
    );
    expect(() => synth(office(['monday']))).toThrow(
      /\[SE001\] .*ScalingSchedule\.weekly: options\.days\[0\] is the text 'monday': give a WeekDay \('Monday'/,
    );
    const json = synth((s) =>
      scaled(s).scaleOnSchedule('office', {
        schedule: ScalingSchedule.weekly({ days: [WeekDay.MONDAY], startHour: 8, endHour: 18 }),
        minInstances: 2,
        maxInstances: 4,
      }),
    ).json;
    expect(profiles(json).map((p) => (p.recurrence as { days: string[] } | undefined)?.days)).toEqual([
      undefined,
      ['Monday'],
      ['Monday'],
    ]);
  });

  test('SE307 an IANA time zone is refused with the Windows name; a Windows name passes', () => {
    const build = (timeZone: string) => (s: TerraformStack) =>
      scaled(s).scaleOnSchedule('office', {
        schedule: ScalingSchedule.weekly({ startHour: 8, endHour: 18, timeZone }),
        minInstances: 2,
        maxInstances: 4,
      });
    expect(synth(build('Europe/Berlin')).problems).toEqual([
      expect.stringMatching(
        /\[SE307\] test\/Blue\/AutoScale: timeZone of .* is 'Europe\/Berlin'.*'W\. Europe Standard Time'/,
      ),
    ]);
    expect(synth(build('W. Europe Standard Time')).problems).toEqual([]);
  });

  test('SE308 overlapping weekly windows are refused; windows that do not overlap, and a fixed year-end window, pass', () => {
    const weekly = (startHour: number, endHour: number) =>
      ScalingSchedule.weekly({ days: [WeekDay.MONDAY], startHour, endHour });
    expect(
      synth((s) => {
        const scaling = scaled(s);
        scaling.scaleOnSchedule('day', { schedule: weekly(8, 20), minInstances: 2, maxInstances: 4 });
        scaling.scaleOnSchedule('lunch', { schedule: weekly(12, 14), minInstances: 3, maxInstances: 4 });
      }).problems,
    ).toEqual([
      expect.stringMatching(
        /\[SE308\] test\/Blue\/AutoScale: scheduled scaling 'lunch'.*overlaps scheduled scaling 'day'/,
      ),
    ]);
    const passed = synth((s) => {
      const scaling = scaled(s);
      scaling.scaleOnSchedule('morning', { schedule: weekly(8, 12), minInstances: 2, maxInstances: 4 });
      scaling.scaleOnSchedule('evening', { schedule: weekly(13, 20), minInstances: 3, maxInstances: 4 });
      scaling.scaleOnSchedule('year-end', {
        schedule: ScalingSchedule.between({ start: '2026-12-24T00:00:00Z', end: '2026-12-27T00:00:00Z' }),
        minInstances: 4,
        maxInstances: 4,
      });
    });
    expect(passed.problems).toEqual([]);
    expect(profiles(passed.json).map((p) => p.name)).toEqual([
      'default',
      'morning',
      'morning-end',
      'evening',
      'evening-end',
      'year-end',
    ]);
  });

  test("SE304 a weekly window whose '<id>-end' is taken is still refused", () => {
    expect(
      synth((s) => {
        const scaling = scaled(s);
        scaling.scaleOnSchedule('sale-end', {
          schedule: ScalingSchedule.between({ start: '2026-12-24T00:00:00Z', end: '2026-12-27T00:00:00Z' }),
          minInstances: 4,
          maxInstances: 4,
        });
        scaling.scaleOnSchedule('sale', {
          schedule: ScalingSchedule.weekly({ startHour: 8, endHour: 9 }),
          minInstances: 2,
          maxInstances: 4,
        });
      }).problems,
    ).toEqual([expect.stringMatching(/\[SE304\].*reuses the id 'sale-end'/)]);
  });

  test('hours from variables: Terraform decides the end days, preconditions check the range', () => {
    const json = synth((s) =>
      scaled(s).scaleOnSchedule('night', {
        schedule: ScalingSchedule.weekly({
          days: [WeekDay.FRIDAY],
          startHour: numberVar(s, 'start'),
          endHour: 6,
        }),
        minInstances: 1,
        maxInstances: 2,
      }),
    ).json;
    const [, start, end] = profiles(json);
    expect((start.recurrence as { hours: unknown }).hours).toEqual(['${var.start}']);
    expect((end.recurrence as { days: unknown }).days).toBe(
      '${((0 + (6 * 60)) > (0 + (var.start * 60))) ? ["Friday"] : ["Saturday"]}',
    );
    const setting = Object.values(resourcesOfType(json, 'azurerm_monitor_autoscale_setting'))[0] as {
      lifecycle: { precondition: Array<{ condition: string; error_message: string }> };
    };
    expect(setting.lifecycle.precondition).toEqual([
      {
        condition: '${(((0 <= var.start) && (var.start <= 23)) && (floor(var.start) == var.start))}',
        error_message:
          "startHour of scheduled scaling 'night' of deployment 'blue' must be a whole number from 0 to 23 (SE306).",
      },
    ]);
  });

  test('a CPU target from a variable: the scale-in threshold is floor(target / 2), with preconditions', () => {
    const json = synth((s) =>
      scaled(s).scaleOnCpuUtilization('cpu', { targetUtilizationPercent: numberVar(s, 'cpu') }),
    ).json;
    const rules = profiles(json)[0].rule as Array<{ metric_trigger: { threshold: unknown } }>;
    expect(rules.map((r) => r.metric_trigger.threshold)).toEqual(['${var.cpu}', '${floor((var.cpu / 2))}']);
    const setting = Object.values(resourcesOfType(json, 'azurerm_monitor_autoscale_setting'))[0] as {
      lifecycle: { precondition: unknown[] };
    };
    expect(setting.lifecycle.precondition).toHaveLength(2);
  });
});
