import { ARM_TYPES, checkLiteralArmId } from '../checks/arm-id';
import { Construct } from 'constructs';
import { Fn, ITerraformDependable, Op, Precondition, Token } from 'cdktf';
import {
  MonitorAutoscaleSetting,
  MonitorAutoscaleSettingProfile,
  MonitorAutoscaleSettingProfileRule,
} from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { isKnown, readParams, readProps, problemsOf, problem, Problems, firstProblem } from '../checks';
import { armId, construct, defineProps, enumOf, instanceOf, name, num, object, text } from '../checks/read';
import { ISecureOnlineEndpoint } from '../endpoint/endpoint-ref';
import {
  DEPLOYMENT_METRIC_NAMESPACE,
  DEPLOYMENT_METRICS,
  Metric,
  MetricAggregation,
  MetricAlertOperator,
  metricOf,
} from '../endpoint/metrics';
import { Duration } from '../core/duration';
import { DurationAlias, readDurations } from '../core/duration-aliases';
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

/** How fast a metric rule acts. Defaults follow Azure ML's autoscale how-to. */
export interface MetricScalingOptions {
  /** Instances added per scale-out. @default 1 */
  readonly scaleOutBy?: number;
  /** Instances removed per scale-in. @default 1 */
  readonly scaleInBy?: number;
  /** Time after a scale-out before any rule may scale again, whole minutes. @default Duration.minutes(5) */
  readonly scaleOutCooldown?: Duration;
  /**
   * Time after a scale-in before any rule may scale again, whole minutes; longer than the scale-out cooldown so
   * that capacity is given back slowly.
   * @default Duration.minutes(10)
   */
  readonly scaleInCooldown?: Duration;
  /** Metric data evaluated each time, whole minutes from 5 minutes to 12 hours. @default Duration.minutes(5) */
  readonly evaluationWindow?: Duration;
  /**
   * How the metric's values over the evaluation window are combined (the rule's `timeAggregation`).
   * @default MetricAggregation.AVERAGE
   */
  readonly evaluationAggregation?: MetricAggregation;
  /**
   * @deprecated Use `scaleOutCooldown: Duration.minutes(...)`; removed in the next minor release.
   * @default - `scaleOutCooldown`
   */
  readonly scaleOutCooldownMinutes?: number;
  /**
   * @deprecated Use `scaleInCooldown: Duration.minutes(...)`; removed in the next minor release.
   * @default - `scaleInCooldown`
   */
  readonly scaleInCooldownMinutes?: number;
  /**
   * @deprecated Use `evaluationWindow: Duration.minutes(...)`; removed in the next minor release.
   * @default - `evaluationWindow`
   */
  readonly evaluationMinutes?: number;
}

/** Options of `InstanceScaling.scaleOnMetric`. */
export interface MetricScalingRuleOptions extends MetricScalingOptions {
  /**
   * The metric the two rules watch, of the deployment, its endpoint or any resource (`deployment.metric(...)`,
   * `endpoint.metricRequestsPerMinute()`). Its aggregation combines each period's values (the rule's `statistic`:
   * average, minimum, maximum or total) and its period is the rule's time grain.
   */
  readonly metric: Metric;
  /** Scale out when the aggregated metric crosses this (with `scaleOutOperator`). */
  readonly scaleOutThreshold: number;
  /** Scale in when the aggregated metric crosses this (with `scaleInOperator`); on the other side of scale-out's. */
  readonly scaleInThreshold: number;
  /** How the metric is compared with `scaleOutThreshold`. @default MetricAlertOperator.GREATER_THAN */
  readonly scaleOutOperator?: MetricAlertOperator;
  /** How the metric is compared with `scaleInThreshold`. @default MetricAlertOperator.LESS_THAN */
  readonly scaleInOperator?: MetricAlertOperator;
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

/** How a scaling's thresholds are named and bounded in messages: the helpers' own option names and ranges. */
interface ThresholdNames {
  readonly kind: string;
  /** Names of the scale-out and scale-in thresholds. */
  readonly options: readonly [string, string];
  /** The thresholds' range. @default any number */
  readonly range?: readonly [number, number];
  readonly unit: string;
}

const CPU_UTILIZATION: ThresholdNames = {
  kind: 'CPU',
  options: ['targetUtilizationPercent', 'scaleInUtilizationPercent'],
  range: [1, 100],
  unit: 'percent',
};

const REQUEST_LATENCY: ThresholdNames = {
  kind: 'latency',
  options: ['targetMilliseconds', 'scaleInMilliseconds'],
  range: [1, 3_600_000],
  unit: 'milliseconds',
};

// Azure Monitor autoscale's `statistic` spells the aggregations its own way and has no count (autoscale settings
// REST API, MetricStatisticType).
const STATISTICS: Partial<Record<MetricAggregation, string>> = {
  [MetricAggregation.AVERAGE]: 'Average',
  [MetricAggregation.MINIMUM]: 'Min',
  [MetricAggregation.MAXIMUM]: 'Max',
  [MetricAggregation.TOTAL]: 'Sum',
};
const ABOVE = [MetricAlertOperator.GREATER_THAN, MetricAlertOperator.GREATER_THAN_OR_EQUAL];
const BELOW = [MetricAlertOperator.LESS_THAN, MetricAlertOperator.LESS_THAN_OR_EQUAL];

const SCALING_DURATIONS: readonly DurationAlias<MetricScalingOptions>[] = [
  {
    prop: 'scaleOutCooldown',
    alias: 'scaleOutCooldownMinutes',
    unit: Duration.minutes,
    unitLabel: 'minutes',
  },
  { prop: 'scaleInCooldown', alias: 'scaleInCooldownMinutes', unit: Duration.minutes, unitLabel: 'minutes' },
  { prop: 'evaluationWindow', alias: 'evaluationMinutes', unit: Duration.minutes, unitLabel: 'minutes' },
];

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
  scaleOutCooldown: instanceOf(Duration),
  scaleInCooldown: instanceOf(Duration),
  evaluationWindow: instanceOf(Duration),
  evaluationAggregation: enumOf(MetricAggregation, 'MetricAggregation'),
  scaleOutCooldownMinutes: NUMBER,
  scaleInCooldownMinutes: NUMBER,
  evaluationMinutes: NUMBER,
} as const;
export const INSTANCE_SCALING_SCALE_ON_METRIC_PARAMS = defineProps<{
  id: string;
  options: MetricScalingRuleOptions;
}>('InstanceScaling#scaleOnMetric', {
  id: SCALING_ID,
  options: object(
    'MetricScalingRuleOptions',
    defineProps<MetricScalingRuleOptions>('MetricScalingRuleOptions', {
      ...METRIC_OPTIONS,
      metric: instanceOf(Metric, { optional: false }),
      scaleOutThreshold: num({ ...EXPR, optional: false }),
      scaleInThreshold: num({ ...EXPR, optional: false }),
      scaleOutOperator: enumOf(MetricAlertOperator, 'MetricAlertOperator'),
      scaleInOperator: enumOf(MetricAlertOperator, 'MetricAlertOperator'),
    }),
    { optional: false },
  ),
});
export const INSTANCE_SCALING_SCALE_ON_CPU_UTILIZATION_PARAMS = defineProps<{
  id: string;
  options: CpuUtilizationScalingOptions;
}>('InstanceScaling#scaleOnCpuUtilization', {
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
export const INSTANCE_SCALING_SCALE_ON_REQUEST_LATENCY_PARAMS = defineProps<{
  id: string;
  options: RequestLatencyScalingOptions;
}>('InstanceScaling#scaleOnRequestLatency', {
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
export const INSTANCE_SCALING_SCALE_ON_SCHEDULE_PARAMS = defineProps<{
  id: string;
  options: ScheduledScalingOptions;
}>('InstanceScaling#scaleOnSchedule', {
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
export const INSTANCE_SCALING_PROPS = defineProps<InstanceScalingProps>('InstanceScalingProps', {
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
 *
 * @example
 * const scaling = blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 6 });
 * scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70, scaleInCooldown: Duration.minutes(15) });
 */
export class InstanceScaling extends Construct {
  /** The autoscale setting. */
  public readonly resource: MonitorAutoscaleSetting;
  private readonly props: InstanceScalingProps;
  private readonly metricRules: MetricRulePair[] = [];
  private readonly schedules: ScheduledProfile[] = [];

  constructor(scope: Construct, id: string, props: InstanceScalingProps) {
    super(scope, id);
    props = readProps(this, INSTANCE_SCALING_PROPS, props);
    checkLiteralArmId(this, 'deploymentId', props.deploymentId, ARM_TYPES.ML_ONLINE_DEPLOYMENT);
    const what = `the autoscale of deployment '${props.deploymentName}'`;
    problemsOf(this).record(
      checkInstanceRange(what, props.minInstances, props.maxInstances, props.defaultInstances),
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
   * Scales on any metric: out by `scaleOutBy` instances when the metric crosses `scaleOutThreshold`, in by
   * `scaleInBy` when it crosses `scaleInThreshold` (two rules named by `id`, added to every profile).
   */
  public scaleOnMetric(id: string, options: MetricScalingRuleOptions): void {
    ({ options } = readParams(this, INSTANCE_SCALING_SCALE_ON_METRIC_PARAMS, { id, options }));
    this.addMetricScaling(id, options, {
      kind: 'metric',
      options: ['scaleOutThreshold', 'scaleInThreshold'],
      unit: options.metric.unit ?? 'units',
    });
  }

  /**
   * Scales on the deployment's average CPU utilization (`CpuUtilizationPercentage`, reported per instance each
   * minute): out above `targetUtilizationPercent`, in below `scaleInUtilizationPercent`.
   */
  public scaleOnCpuUtilization(id: string, options: CpuUtilizationScalingOptions): void {
    ({ options } = readParams(this, INSTANCE_SCALING_SCALE_ON_CPU_UTILIZATION_PARAMS, { id, options }));
    const { targetUtilizationPercent: target, scaleInUtilizationPercent: scaleIn, ...rest } = options;
    const cpu = DEPLOYMENT_METRICS.cpuUtilizationPercentage.metricName;
    const metric = metricOf(DEPLOYMENT_METRIC_NAMESPACE, DEPLOYMENT_METRICS, cpu, this.props.deploymentId);
    this.addMetricScaling(id, { ...rest, ...thresholds(target, scaleIn), metric }, CPU_UTILIZATION);
  }

  /**
   * Scales on the endpoint's average request latency (`RequestLatency`, in milliseconds). The metric is the
   * endpoint's: with several deployments it includes their traffic too.
   */
  public scaleOnRequestLatency(id: string, options: RequestLatencyScalingOptions): void {
    ({ options } = readParams(this, INSTANCE_SCALING_SCALE_ON_REQUEST_LATENCY_PARAMS, { id, options }));
    const { targetMilliseconds: target, scaleInMilliseconds: scaleIn, ...rest } = options;
    const metric = this.props.endpoint.metricRequestLatency();
    this.addMetricScaling(id, { ...rest, ...thresholds(target, scaleIn), metric }, REQUEST_LATENCY);
  }

  /**
   * Adds a profile (named `id`) with its own instance range while `schedule` applies; the metric rules apply
   * in it too. A weekly window adds a second profile, `<id>-end`, that restores the default range when the
   * window ends (Azure Monitor's recurring profiles last until the next one starts).
   */
  public scaleOnSchedule(id: string, options: ScheduledScalingOptions): void {
    const what = `scheduled scaling '${id}' of deployment '${this.props.deploymentName}'`;
    ({ options } = readParams(this, INSTANCE_SCALING_SCALE_ON_SCHEDULE_PARAMS, { id, options }));
    const ends = options.schedule.endRecurrence !== undefined;
    problemsOf(this).record(this.checkNewId(id, what, ends));
    problemsOf(this).record(this.checkNoOverlap(what, options.schedule));
    this.addPreconditions(options.schedule.preconditions(what));
    problemsOf(this).record(checkInstanceRange(what, options.minInstances, options.maxInstances));
    problemsOf(this).record(options.schedule._check(what));
    problemsOf(this).record(this.checkProfileCount(what, ends));
    this.schedules.push({ id, options });
    this.resource.putProfile(this.profiles());
  }

  private addMetricScaling(id: string, options: MetricScalingRuleOptions, names: ThresholdNames): void {
    const what = `${names.kind} scaling '${id}' of deployment '${this.props.deploymentName}'`;
    const { metric, scaleOutThreshold: target, scaleInThreshold: scaleIn } = options;
    const outOperator = options.scaleOutOperator ?? MetricAlertOperator.GREATER_THAN;
    const inOperator = options.scaleInOperator ?? MetricAlertOperator.LESS_THAN;
    const scaleOutBy = options.scaleOutBy ?? 1;
    const scaleInBy = options.scaleInBy ?? 1;
    const durations = readDurations(what, options, SCALING_DURATIONS, 'SE305');
    problemsOf(this).record(durations.problems);
    const minutes = (prop: string, fallback: number): [number, string] => [
      durations.values[prop]?.value?.toMinutes() ?? fallback,
      durations.values[prop]?.name ?? prop,
    ];
    const [outCooldown, outName] = minutes('scaleOutCooldown', 5);
    const [inCooldown, inName] = minutes('scaleInCooldown', 10);
    const [window, windowName] = minutes('evaluationWindow', 5);
    const grain = metric.period.toMinutes();
    const rising = ABOVE.includes(outOperator);
    problemsOf(this).record(
      firstProblem(
        thresholdRange(what, names, target, scaleIn),
        checkOperators(what, outOperator, inOperator),
        checkThresholds(what, target, scaleIn, names.unit, rising, names.options),
      ),
    );
    problemsOf(this).record(this.checkNewId(id, what, false));
    this.addPreconditions(metricPreconditions(what, names, target, scaleIn, rising));
    const statistic = STATISTICS[metric.aggregation];
    const max = AUTOSCALE_LIMITS.maxCapacity;
    const { cooldownMinutes: cd, windowMinutes: wm, grainMinutes: gm } = AUTOSCALE_LIMITS;
    problemsOf(this).record(
      firstProblem(
        checkWholeInRange(`scaleOutBy of ${what}`, scaleOutBy, 1, max, 'instances'),
        checkWholeInRange(`scaleInBy of ${what}`, scaleInBy, 1, max, 'instances'),
        checkWholeInRange(`${outName} of ${what}`, outCooldown, cd.min, cd.max, 'minutes'),
        checkWholeInRange(`${inName} of ${what}`, inCooldown, cd.min, cd.max, 'minutes'),
        checkWholeInRange(`${windowName} of ${what}`, window, wm.min, wm.max, 'minutes'),
        checkWholeInRange(`the metric's period of ${what}`, grain, gm.min, gm.max, 'minutes'),
        checkStatistic(what, metric.aggregation, statistic),
      ),
    );
    problemsOf(this).record(this.checkRuleCount(what));
    const trigger = (operator: MetricAlertOperator, threshold: number) => ({
      metricName: metric.metricName,
      metricNamespace: metric.metricNamespace,
      metricResourceId: metric.resourceId,
      timeGrain: `PT${grain}M`,
      statistic: statistic ?? 'Average',
      timeWindow: `PT${window}M`,
      // The average over the window (by default) smooths single slow requests.
      timeAggregation: options.evaluationAggregation ?? MetricAggregation.AVERAGE,
      operator,
      threshold,
    });
    this.metricRules.push({
      id,
      rules: [
        {
          metricTrigger: trigger(outOperator, target),
          scaleAction: {
            direction: 'Increase',
            type: 'ChangeCount',
            value: scaleOutBy,
            cooldown: `PT${outCooldown}M`,
          },
        },
        {
          metricTrigger: trigger(inOperator, scaleIn),
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

  /** SE304: Azure Monitor's limit of profiles per setting (a weekly window takes two). */
  private checkProfileCount(what: string, ends: boolean): Problems {
    const count = this.profiles().length + (ends ? 2 : 1);
    if (count <= AUTOSCALE_LIMITS.profilesPerSetting) return [];
    return [
      problem(
        'SE304',
        `${what} would make ${count} profiles: Azure Monitor allows ${AUTOSCALE_LIMITS.profilesPerSetting} ` +
          `per setting (the default profile included, and a weekly window takes two); merge schedules`,
      ),
    ];
  }

  /** SE304: Azure Monitor's limit of rules per profile (each metric scaling adds two). */
  private checkRuleCount(what: string): Problems {
    if ((this.metricRules.length + 1) * 2 <= AUTOSCALE_LIMITS.rulesPerProfile) return [];
    return [
      problem(
        'SE304',
        `${what} would add rules ${this.metricRules.length * 2 + 1} and ${this.metricRules.length * 2 + 2} ` +
          `to each profile: Azure Monitor allows ${AUTOSCALE_LIMITS.rulesPerProfile} rules per profile (each ` +
          `metric scaling adds two); drop a metric scaling`,
      ),
    ];
  }

  /**
   * SE304: an id names a profile or a pair of rules, and must be new; a weekly window also takes `<id>-end` for its
   * generated end profile. Other ids ending in `-end` (a fixed window named `year-end`) are fine.
   */
  private checkNewId(id: string, what: string, withEnd: boolean): Problems {
    const taken = ['default', ...this.profiles().map((p) => p.name), ...this.metricRules.map((m) => m.id)];
    const clash = taken.includes(id)
      ? id
      : withEnd && taken.includes(`${id}${END_SUFFIX}`)
        ? `${id}${END_SUFFIX}`
        : undefined;
    if (clash !== undefined) {
      return [
        problem(
          'SE304',
          `${what} reuses the id '${clash}' on deployment '${this.props.deploymentName}': each scaling needs its ` +
            `own id ('default' and '<id>${END_SUFFIX}' of each weekly window are taken by generated profiles); rename it`,
        ),
      ];
    }
    return [];
  }

  /**
   * SE308: two windows of one time zone that overlap. Azure Monitor's recurring profiles last until the next one
   * starts, so the later window's start ends the earlier one and its end profile restores the default range:
   * the rest of the earlier window would be lost without a word. Fixed windows that overlap are refused too.
   */
  private checkNoOverlap(what: string, schedule: ScalingSchedule): Problems {
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
        return [
          problem(
            'SE308',
            `${what} overlaps scheduled scaling '${other.id}': Azure Monitor applies one profile at a time, so ` +
              `part of one window would silently get the other's (or the default) instance range; make the ` +
              `windows not overlap, or merge them into one`,
          ),
        ];
      }
    }
    return [];
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
 * A helper's scale-out threshold and its scale-in one: as given, or half the target rounded down. A target from a
 * Terraform variable is halved by Terraform (its stand-in would give both rules one threshold).
 */
function thresholds(
  target: number,
  scaleIn: number | undefined,
): { scaleOutThreshold: number; scaleInThreshold: number } {
  return {
    scaleOutThreshold: target,
    scaleInThreshold:
      scaleIn ?? (isKnown(target) ? Math.floor(target / 2) : Token.asNumber(Fn.floor(Op.div(target, 2)))),
  };
}

/**
 * SE305: one rule scales out when the metric rises above its threshold and the other scales in when it falls
 * below its own (or the reverse, for a metric where lower is worse); an `EQUALS` rule, or two rules on one side,
 * would scale back and forth.
 */
function checkOperators(what: string, out: MetricAlertOperator, into: MetricAlertOperator): Problems {
  const opposite =
    (ABOVE.includes(out) && BELOW.includes(into)) || (BELOW.includes(out) && ABOVE.includes(into));
  if (!opposite) {
    return [
      problem(
        'SE305',
        `${what} scales out on ${out} and in on ${into}: one rule must watch the metric rise (GreaterThan...) and ` +
          `the other watch it fall (LessThan...), or each scale action would trigger the other; choose opposite operators`,
      ),
    ];
  }
  return [];
}

/**
 * Preconditions for a metric scaling whose target or scale-in threshold is a Terraform expression: the target in
 * range, and the scale-in threshold on the other side of it (SE305's rules, checked at plan time).
 */
function metricPreconditions(
  what: string,
  names: ThresholdNames,
  target: number,
  scaleIn: number,
  rising: boolean,
): Precondition[] {
  if (isKnown(target) && isKnown(scaleIn)) return [];
  const [targetName] = names.options;
  const range: Precondition[] =
    names.range === undefined
      ? []
      : [
          {
            condition: Op.and(Op.gte(target, names.range[0]), Op.lte(target, names.range[1])),
            errorMessage: `${targetName} of ${what} must be from ${names.range[0]} to ${names.range[1]} ${names.unit} (SE305).`,
          },
        ];
  return [
    ...range,
    {
      condition: rising ? Op.lt(scaleIn, target) : Op.gt(scaleIn, target),
      errorMessage:
        `${what} must scale in ${rising ? 'below' : 'above'} its scale-out threshold, or each scale action would ` +
        `trigger the other (SE305).`,
    },
  ];
}

/** SE305 (through checkWholeInRange): the thresholds of a helper with a range (CPU percent), first problem. */
function thresholdRange(what: string, names: ThresholdNames, target: number, scaleIn: number): Problems {
  if (names.range === undefined) return [];
  const [min, max] = names.range;
  const [targetName, scaleInName] = names.options;
  return firstProblem(
    checkWholeInRange(`${targetName} of ${what}`, target, min, max, names.unit),
    checkWholeInRange(`${scaleInName} of ${what}`, scaleIn, min - 1, max - 1, names.unit),
  );
}

/** SE305: autoscale combines instances by Average, Minimum, Maximum or Total only. */
function checkStatistic(what: string, aggregation: string, statistic: string | undefined): Problems {
  if (statistic !== undefined) return [];
  return [
    problem(
      'SE305',
      `the metric of ${what} is aggregated by ${aggregation}, which autoscale cannot combine ` +
        `instances by (it takes Average, Minimum, Maximum or Total); choose one with metric.with({ aggregation })`,
    ),
  ];
}
