import { ARM_TYPES, checkLiteralArmId } from '../checks/arm-id';
import { Construct } from 'constructs';
import { Fn, ITerraformDependable, Op, Precondition, Token } from 'cdktf';
import {
  MonitorAutoscaleSetting,
  MonitorAutoscaleSettingProfile,
  MonitorAutoscaleSettingProfileRule,
} from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { isKnown, readParams, readProps, refuse, problemsOf } from '../checks';
import { armId, construct, defineProps, instanceOf, name, num, object, text } from '../checks/read';
import { ISecureOnlineEndpoint } from '../endpoint/endpoint-ref';
import {
  DEPLOYMENT_METRIC_NAMESPACE,
  DEPLOYMENT_METRICS,
  ENDPOINT_METRIC_NAMESPACE,
  ENDPOINT_METRICS,
} from '../endpoint/metrics';
import {
  AUTOSCALE_LIMITS,
  checkInstanceRange,
  checkThresholds,
  checkWholeInRange,
} from './instance-scaling-checks';
import { ScalingSchedule } from './scaling-schedule';

/** The instance range of `deployment.autoScaleInstanceCount`. */
export interface InstanceCountRange {
  /** Fewest instances, at least 1. */
  readonly minInstances: number;
  /** Most instances, at least `minInstances`; each instance counts against your VM quota. */
  readonly maxInstances: number;
}

/** How fast a metric rule acts. Defaults follow Azure ML's autoscale how-to; units are the portal's. */
export interface MetricScalingOptions {
  /** Instances added per scale-out. @default 1 */
  readonly scaleOutBy?: number;
  /** Instances removed per scale-in. @default 1 */
  readonly scaleInBy?: number;
  /** Minutes after a scale-out before any rule may scale again. @default 5 */
  readonly scaleOutCooldownMinutes?: number;
  /**
   * Minutes after a scale-in before any rule may scale again; longer than the scale-out cooldown so that
   * capacity is given back slowly.
   * @default 10
   */
  readonly scaleInCooldownMinutes?: number;
  /** Minutes of metric data averaged per evaluation, 5 to 720. @default 5 */
  readonly evaluationMinutes?: number;
}

/** Options of `InstanceScaling.scaleOnCpuUtilization`. */
export interface CpuUtilizationScalingOptions extends MetricScalingOptions {
  /** Scale out when the instances' average CPU utilization exceeds this percentage (1 to 100). */
  readonly targetUtilizationPercent: number;
  /**
   * Scale in when the average drops below this percentage; below the target, so that one instance less does
   * not push the rest above it at once.
   * @default half of targetUtilizationPercent, rounded down
   */
  readonly scaleInUtilizationPercent?: number;
}

/** Options of `InstanceScaling.scaleOnRequestLatency`. */
export interface RequestLatencyScalingOptions extends MetricScalingOptions {
  /** Scale out when the endpoint's average request latency exceeds this many milliseconds. */
  readonly targetMilliseconds: number;
  /** Scale in when the average latency drops below this. @default half of targetMilliseconds, rounded down */
  readonly scaleInMilliseconds?: number;
}

/** Options of `InstanceScaling.scaleOnSchedule`. */
export interface ScheduledScalingOptions {
  /** When the profile applies. */
  readonly schedule: ScalingSchedule;
  /** Fewest instances while the profile applies. */
  readonly minInstances: number;
  /** Most instances while the profile applies. */
  readonly maxInstances: number;
}

/** Props of `InstanceScaling` (built by `OnlineDeployment.autoScaleInstanceCount`). */
export interface InstanceScalingProps extends InstanceCountRange {
  /** The endpoint of the deployment (its request-latency metric, region and resource group). */
  readonly endpoint: ISecureOnlineEndpoint;
  /** The deployment name. */
  readonly deploymentName: string;
  /** ARM id of the deployment: the autoscale target. */
  readonly deploymentId: string;
  /** The deployment's `instanceCount`: the default capacity. */
  readonly defaultInstances: number;
  /** The deployment resource: the setting is created after it. */
  readonly deployment: ITerraformDependable;
}

interface MetricRulePair {
  readonly id: string;
  readonly rules: MonitorAutoscaleSettingProfileRule[];
}

interface ScheduledProfile {
  readonly id: string;
  readonly options: ScheduledScalingOptions;
}

/** An Azure Monitor metric a scaling rule watches, and how its options are named and bounded. */
interface ScalingMetric {
  readonly kind: string;
  readonly metricName: string;
  readonly metricNamespace: string;
  /** The metric is the endpoint's, not the deployment's. */
  readonly onEndpoint: boolean;
  /** Names of the target and scale-in options, for messages. */
  readonly options: readonly [string, string];
  /** Largest target. */
  readonly max: number;
  readonly unit: string;
}

const CPU_UTILIZATION: ScalingMetric = {
  kind: 'CPU',
  metricName: DEPLOYMENT_METRICS.cpuUtilizationPercentage.metricName,
  metricNamespace: DEPLOYMENT_METRIC_NAMESPACE,
  onEndpoint: false,
  options: ['targetUtilizationPercent', 'scaleInUtilizationPercent'],
  max: 100,
  unit: 'percent',
};

const REQUEST_LATENCY: ScalingMetric = {
  kind: 'latency',
  metricName: ENDPOINT_METRICS.requestLatency.metricName,
  metricNamespace: ENDPOINT_METRIC_NAMESPACE,
  onEndpoint: true,
  options: ['targetMilliseconds', 'scaleInMilliseconds'],
  max: 3_600_000,
  unit: 'milliseconds',
};
const EXPR = { tokens: 'expression' } as const;
// Checked by the autoscale rules (SE302, SE305), which leave a Terraform expression to a precondition at plan time.
const NUMBER = num(EXPR);
const SCALING_ID = text({
  tokens: 'refuse',
  optional: false,
  what: 'an id (text)',
  why: 'it names the profile or rules, and is checked for reuse at synth (SE304)',
});
const METRIC_OPTIONS = {
  scaleOutBy: NUMBER,
  scaleInBy: NUMBER,
  scaleOutCooldownMinutes: NUMBER,
  scaleInCooldownMinutes: NUMBER,
  evaluationMinutes: NUMBER,
} as const;
defineProps<{ id: string; options: CpuUtilizationScalingOptions }>('InstanceScaling#scaleOnCpuUtilization', {
  id: SCALING_ID,
  options: object(
    'CpuUtilizationScalingOptions',
    defineProps<CpuUtilizationScalingOptions>('CpuUtilizationScalingOptions', {
      ...METRIC_OPTIONS,
      targetUtilizationPercent: num({ ...EXPR, optional: false }),
      scaleInUtilizationPercent: NUMBER,
    }),
    { optional: false },
  ),
});
defineProps<{ id: string; options: RequestLatencyScalingOptions }>('InstanceScaling#scaleOnRequestLatency', {
  id: SCALING_ID,
  options: object(
    'RequestLatencyScalingOptions',
    defineProps<RequestLatencyScalingOptions>('RequestLatencyScalingOptions', {
      ...METRIC_OPTIONS,
      targetMilliseconds: num({ ...EXPR, optional: false }),
      scaleInMilliseconds: NUMBER,
    }),
    { optional: false },
  ),
});
defineProps<{ id: string; options: ScheduledScalingOptions }>('InstanceScaling#scaleOnSchedule', {
  id: SCALING_ID,
  options: object(
    'ScheduledScalingOptions',
    defineProps<ScheduledScalingOptions>('ScheduledScalingOptions', {
      schedule: instanceOf(ScalingSchedule, { optional: false }),
      minInstances: num({ ...EXPR, optional: false }),
      maxInstances: num({ ...EXPR, optional: false }),
    }),
    { optional: false },
  ),
});
defineProps<InstanceScalingProps>('InstanceScalingProps', {
  endpoint: construct('an endpoint (SecureOnlineEndpoint or an imported one)'),
  deploymentName: name({ ...EXPR }),
  deploymentId: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.ML_ONLINE_DEPLOYMENT }),
  defaultInstances: num({ ...EXPR, optional: false }),
  deployment: construct('the deployment resource'),
  minInstances: num({ ...EXPR, optional: false }),
  maxInstances: num({ ...EXPR, optional: false }),
});

/** Suffix of the profile that restores the default range at the end of a weekly window. */
const END_SUFFIX = '-end';

/**
 * Azure Monitor autoscale of one online deployment: one `azurerm_monitor_autoscale_setting` (construct id
 * `Resource`) targeting the deployment's ARM id. Its default profile keeps `minInstances` to `maxInstances`
 * instances starting from the deployment's `instanceCount`; each `scaleOn...` metric call adds a scale-out and a
 * scale-in rule to every profile; each `scaleOnSchedule` call adds a profile with its own range.
 */
export class InstanceScaling extends Construct {
  /** The autoscale setting. */
  public readonly resource: MonitorAutoscaleSetting;
  private readonly props: InstanceScalingProps;
  private readonly metricRules: MetricRulePair[] = [];
  private readonly schedules: ScheduledProfile[] = [];

  constructor(scope: Construct, id: string, props: InstanceScalingProps) {
    super(scope, id);
    props = readProps(this, 'InstanceScalingProps', props);
    checkLiteralArmId(this, 'deploymentId', props.deploymentId, ARM_TYPES.ML_ONLINE_DEPLOYMENT);
    const what = `the autoscale of deployment '${props.deploymentName}'`;
    problemsOf(this).attempt(
      () => checkInstanceRange(what, props.minInstances, props.maxInstances, props.defaultInstances),
      undefined,
    );
    this.props = props;
    const workspace = props.endpoint.workspace;
    this.resource = new MonitorAutoscaleSetting(this, 'Resource', {
      // Unique in the resource group: endpoint names are unique per region, deployment names per endpoint.
      name: `${props.endpoint.endpointName}-${props.deploymentName}-autoscale`,
      resourceGroupName: workspace.resourceGroupName,
      location: workspace.location,
      targetResourceId: props.deploymentId,
      enabled: true,
      profile: this.profiles(),
      // Azure Monitor refuses a setting whose target does not exist yet.
      dependsOn: [props.deployment],
    });
  }

  /**
   * Scales on the deployment's average CPU utilization (`CpuUtilizationPercentage`, reported per instance each
   * minute): out above `targetUtilizationPercent`, in below `scaleInUtilizationPercent`.
   */
  public scaleOnCpuUtilization(id: string, options: CpuUtilizationScalingOptions): void {
    ({ options } = readParams(this, 'InstanceScaling#scaleOnCpuUtilization', { id, options }));
    const { targetUtilizationPercent: target, scaleInUtilizationPercent: scaleIn } = options;
    this.addMetricScaling(id, CPU_UTILIZATION, target, scaleIn, options);
  }

  /**
   * Scales on the endpoint's average request latency (`RequestLatency`, in milliseconds). The metric is the
   * endpoint's: with several deployments it includes their traffic too.
   */
  public scaleOnRequestLatency(id: string, options: RequestLatencyScalingOptions): void {
    ({ options } = readParams(this, 'InstanceScaling#scaleOnRequestLatency', { id, options }));
    const { targetMilliseconds: target, scaleInMilliseconds: scaleIn } = options;
    this.addMetricScaling(id, REQUEST_LATENCY, target, scaleIn, options);
  }

  /**
   * Adds a profile (named `id`) with its own instance range while `schedule` applies; the metric rules apply
   * in it too. A weekly window adds a second profile, `<id>-end`, that restores the default range when the
   * window ends (Azure Monitor's recurring profiles last until the next one starts).
   */
  public scaleOnSchedule(id: string, options: ScheduledScalingOptions): void {
    const what = `scheduled scaling '${id}' of deployment '${this.props.deploymentName}'`;
    ({ options } = readParams(this, 'InstanceScaling#scaleOnSchedule', { id, options }));
    const ends = options.schedule.endRecurrence !== undefined;
    problemsOf(this).attempt(() => this.checkNewId(id, what, ends), undefined);
    problemsOf(this).attempt(() => this.checkNoOverlap(what, options.schedule), undefined);
    this.addPreconditions(options.schedule.preconditions(what));
    problemsOf(this).attempt(
      () => checkInstanceRange(what, options.minInstances, options.maxInstances),
      undefined,
    );
    problemsOf(this).attempt(() => options.schedule.check(what), undefined);
    problemsOf(this).attempt(() => {
      const count = this.profiles().length + (options.schedule.endRecurrence ? 2 : 1);
      if (count > AUTOSCALE_LIMITS.profilesPerSetting) {
        refuse(
          'SE304',
          `${what} would make ${count} profiles: Azure Monitor allows ${AUTOSCALE_LIMITS.profilesPerSetting} ` +
            `per setting (the default profile included, and a weekly window takes two); merge schedules`,
        );
      }
    }, undefined);
    this.schedules.push({ id, options });
    this.resource.putProfile(this.profiles());
  }

  private addMetricScaling(
    id: string,
    metric: ScalingMetric,
    target: number,
    givenScaleIn: number | undefined,
    options: MetricScalingOptions,
  ): void {
    const what = `${metric.kind} scaling '${id}' of deployment '${this.props.deploymentName}'`;
    // A target from a Terraform variable: Terraform halves it (its stand-in would give both rules one threshold).
    const scaleIn =
      givenScaleIn ??
      (isKnown(target) ? Math.floor(target / 2) : Token.asNumber(Fn.floor(Op.div(target, 2))));
    const [targetName, scaleInName] = metric.options;
    const scaleOutBy = options.scaleOutBy ?? 1;
    const scaleInBy = options.scaleInBy ?? 1;
    const outCooldown = options.scaleOutCooldownMinutes ?? 5;
    const inCooldown = options.scaleInCooldownMinutes ?? 10;
    const window = options.evaluationMinutes ?? 5;
    problemsOf(this).attempt(() => {
      checkWholeInRange(`${targetName} of ${what}`, target, 1, metric.max, metric.unit);
      checkWholeInRange(`${scaleInName} of ${what}`, scaleIn, 0, metric.max - 1, metric.unit);
      checkThresholds(what, target, scaleIn, metric.unit);
    }, undefined);
    problemsOf(this).attempt(() => this.checkNewId(id, what, false), undefined);
    this.addPreconditions(metricPreconditions(what, metric, target, scaleIn));
    problemsOf(this).attempt(() => {
      const max = AUTOSCALE_LIMITS.maxCapacity;
      checkWholeInRange(`scaleOutBy of ${what}`, scaleOutBy, 1, max, 'instances');
      checkWholeInRange(`scaleInBy of ${what}`, scaleInBy, 1, max, 'instances');
      const { cooldownMinutes: cd, windowMinutes: wm } = AUTOSCALE_LIMITS;
      checkWholeInRange(`scaleOutCooldownMinutes of ${what}`, outCooldown, cd.min, cd.max, 'minutes');
      checkWholeInRange(`scaleInCooldownMinutes of ${what}`, inCooldown, cd.min, cd.max, 'minutes');
      checkWholeInRange(`evaluationMinutes of ${what}`, window, wm.min, wm.max, 'minutes');
    }, undefined);
    problemsOf(this).attempt(() => {
      if ((this.metricRules.length + 1) * 2 > AUTOSCALE_LIMITS.rulesPerProfile) {
        refuse(
          'SE304',
          `${what} would add rules ${this.metricRules.length * 2 + 1} and ${this.metricRules.length * 2 + 2} ` +
            `to each profile: Azure Monitor allows ${AUTOSCALE_LIMITS.rulesPerProfile} rules per profile (each ` +
            `metric scaling adds two); drop a metric scaling`,
        );
      }
    }, undefined);
    const trigger = (operator: string, threshold: number) => ({
      metricName: metric.metricName,
      metricNamespace: metric.metricNamespace,
      metricResourceId: metric.onEndpoint ? this.props.endpoint.endpointId : this.props.deploymentId,
      // Both metrics are reported each minute; the average over the window smooths single slow requests.
      timeGrain: 'PT1M',
      statistic: 'Average',
      timeWindow: `PT${window}M`,
      timeAggregation: 'Average',
      operator,
      threshold,
    });
    this.metricRules.push({
      id,
      rules: [
        {
          metricTrigger: trigger('GreaterThan', target),
          scaleAction: {
            direction: 'Increase',
            type: 'ChangeCount',
            value: scaleOutBy,
            cooldown: `PT${outCooldown}M`,
          },
        },
        {
          metricTrigger: trigger('LessThan', scaleIn),
          scaleAction: {
            direction: 'Decrease',
            type: 'ChangeCount',
            value: scaleInBy,
            cooldown: `PT${inCooldown}M`,
          },
        },
      ],
    });
    this.resource.putProfile(this.profiles());
  }

  /**
   * SE304: an id names a profile or a pair of rules, and must be new; a weekly window also takes `<id>-end` for its
   * generated end profile. Other ids ending in `-end` (a fixed window named `year-end`) are fine.
   */
  private checkNewId(id: string, what: string, withEnd: boolean): void {
    const taken = ['default', ...this.profiles().map((p) => p.name), ...this.metricRules.map((m) => m.id)];
    const clash = taken.includes(id)
      ? id
      : withEnd && taken.includes(`${id}${END_SUFFIX}`)
        ? `${id}${END_SUFFIX}`
        : undefined;
    if (clash !== undefined) {
      refuse(
        'SE304',
        `${what} reuses the id '${clash}' on deployment '${this.props.deploymentName}': each scaling needs its ` +
          `own id ('default' and '<id>${END_SUFFIX}' of each weekly window are taken by generated profiles); rename it`,
      );
    }
  }

  /**
   * SE308: two windows of one time zone that overlap. Azure Monitor's recurring profiles last until the next one
   * starts, so the later window's start ends the earlier one and its end profile restores the default range:
   * the rest of the earlier window would be lost without a word. Fixed windows that overlap are refused too.
   */
  private checkNoOverlap(what: string, schedule: ScalingSchedule): void {
    const weekly = schedule.weekRanges();
    const fixed = schedule.instants();
    for (const other of this.schedules) {
      const otherWeekly = other.options.schedule.weekRanges();
      const otherFixed = other.options.schedule.instants();
      let overlap = false;
      if (weekly !== undefined && otherWeekly !== undefined && weekly.timeZone === otherWeekly.timeZone) {
        overlap = weekly.ranges.some(([a, b]) => otherWeekly.ranges.some(([c, d]) => a < d && c < b));
      }
      if (fixed !== undefined && otherFixed !== undefined && fixed.timeZone === otherFixed.timeZone) {
        const [a, b] = fixed.range;
        const [c, d] = otherFixed.range;
        overlap = a < d && c < b;
      }
      if (overlap) {
        refuse(
          'SE308',
          `${what} overlaps scheduled scaling '${other.id}': Azure Monitor applies one profile at a time, so ` +
            `part of one window would silently get the other's (or the default) instance range; make the ` +
            `windows not overlap, or merge them into one`,
        );
      }
    }
  }

  /** Adds plan-time checks for values given as Terraform expressions. */
  private addPreconditions(preconditions: Precondition[]): void {
    if (preconditions.length === 0) return;
    const lifecycle = this.resource.lifecycle ?? {};
    this.resource.lifecycle = {
      ...lifecycle,
      precondition: [...(lifecycle.precondition ?? []), ...preconditions],
    };
  }

  private profiles(): MonitorAutoscaleSettingProfile[] {
    const rules = this.metricRules.flatMap((m) => m.rules);
    const withRules = rules.length > 0 ? { rule: rules } : {};
    const { minInstances, maxInstances, defaultInstances } = this.props;
    const profiles: MonitorAutoscaleSettingProfile[] = [
      {
        name: 'default',
        capacity: { minimum: minInstances, maximum: maxInstances, default: defaultInstances },
        ...withRules,
      },
    ];
    for (const { id, options } of this.schedules) {
      const { recurrence, endRecurrence, fixedDate } = options.schedule;
      profiles.push({
        name: id,
        capacity: {
          minimum: options.minInstances,
          maximum: options.maxInstances,
          // Used while metrics are missing: the deployment's count, kept inside the profile's range.
          default: clampKnown(defaultInstances, options.minInstances, options.maxInstances),
        },
        recurrence,
        fixedDate,
        ...withRules,
      });
      // Recurring profiles have no end: the default range comes back through its own recurring copy.
      if (endRecurrence !== undefined) {
        profiles.push({ ...profiles[0], name: `${id}${END_SUFFIX}`, recurrence: endRecurrence });
      }
    }
    return profiles;
  }
}

function clampKnown(value: number, min: number, max: number): number {
  if (!isKnown(value) || !isKnown(min) || !isKnown(max)) return isKnown(min) ? min : value;
  return Math.min(Math.max(value, min), max);
}

/**
 * Preconditions for a metric scaling whose target or scale-in threshold is a Terraform expression: the target in
 * range, and the scale-in threshold below it (SE305's rules, checked at plan time).
 */
function metricPreconditions(
  what: string,
  metric: ScalingMetric,
  target: number,
  scaleIn: number,
): Precondition[] {
  if (isKnown(target) && isKnown(scaleIn)) return [];
  const [targetName] = metric.options;
  return [
    {
      condition: Op.and(Op.gte(target, 1), Op.lte(target, metric.max)),
      errorMessage: `${targetName} of ${what} must be from 1 to ${metric.max} ${metric.unit} (SE305).`,
    },
    {
      condition: Op.lt(scaleIn, target),
      errorMessage:
        `${what} must scale in below its scale-out threshold, or each scale action would trigger the other ` +
        `(SE305).`,
    },
  ];
}
