import { isKnown, problem, Problems } from '../checks';
import { MAX_INSTANCE_COUNT } from './deployment-checks';

/** Azure Monitor autoscale limits (autoscale settings REST API and docs). */
export const AUTOSCALE_LIMITS = {
  /**
   * Most instances a profile's capacity may name: Azure ML's per-deployment limit, as for `instanceCount`
   * (Azure Monitor itself would accept up to 1000, the deployment would not).
   */
  maxCapacity: MAX_INSTANCE_COUNT,
  /** Rules in one profile. */
  rulesPerProfile: 10,
  /** Profiles in one setting. */
  profilesPerSetting: 20,
  /** Cooldown: one minute to one week. */
  cooldownMinutes: { min: 1, max: 7 * 24 * 60 },
  /** Metric time window: five minutes to twelve hours. */
  windowMinutes: { min: 5, max: 12 * 60 },
  /** Metric time grain: one minute to twelve hours. */
  grainMinutes: { min: 1, max: 12 * 60 },
} as const;

/**
 * Refuses an instance range Azure ML or Azure Monitor would reject (SE301, SE302). A managed online deployment
 * never runs fewer than one instance, so autoscale may not go below one either.
 */
export function checkInstanceRange(what: string, min: number, max: number, initial?: number): Problems {
  for (const [name, value] of [
    ['minInstances', min],
    ['maxInstances', max],
  ] as const) {
    if (!isKnown(value)) continue;
    if (!Number.isInteger(value) || value < 1 || value > AUTOSCALE_LIMITS.maxCapacity) {
      return [
        problem(
          'SE302',
          `${name} of ${what} is ${value}: give a whole number from 1 (a managed online deployment always runs ` +
            `at least one instance) to ${AUTOSCALE_LIMITS.maxCapacity} (Azure ML's instance limit per deployment)`,
        ),
      ];
    }
  }
  if (isKnown(min) && isKnown(max) && min > max) {
    return [
      problem(
        'SE301',
        `${what} has minInstances ${min} above maxInstances ${max}: autoscale could satisfy neither; make ` +
          `minInstances at most maxInstances`,
      ),
    ];
  }
  if (initial !== undefined && isKnown(initial) && isKnown(min) && isKnown(max)) {
    if (initial < min || initial > max) {
      return [
        problem(
          'SE302',
          `${what} starts at instanceCount ${initial}, outside minInstances ${min} to maxInstances ${max}: the ` +
            `first scale action would jump at once; set the deployment's instanceCount (the setting's defaultInstances) within the range`,
        ),
      ];
    }
  }
  return [];
}

/** Refuses a whole-number setting outside its range (SE305). */
export function checkWholeInRange(
  what: string,
  value: number,
  min: number,
  max: number,
  unit: string,
): Problems {
  if (!isKnown(value)) return [];
  if (!Number.isInteger(value) || value < min || value > max) {
    return [problem('SE305', `${what} is ${value}: give a whole number of ${unit} from ${min} to ${max}`)];
  }
  return [];
}

/**
 * Refuses a scale-in threshold that is not below the scale-out one (above it for a metric where lower is worse,
 * `rising` false): the rules would fight (SE305).
 */
export function checkThresholds(
  what: string,
  scaleOut: number,
  scaleIn: number,
  unit: string,
  rising = true,
  names: readonly [string, string] = ['scale-out threshold', 'scale-in threshold'],
): Problems {
  if (!isKnown(scaleOut) || !isKnown(scaleIn)) return [];
  if (rising ? scaleIn >= scaleOut : scaleIn <= scaleOut) {
    const [inSide, outSide] = rising ? ['below', 'above'] : ['above', 'below'];
    return [
      problem(
        'SE305',
        `${what} scales in ${inSide} ${scaleIn} ${unit} (${names[1]}) and out ${outSide} ${scaleOut} ${unit} ` +
          `(${names[0]}): the scale-in ` +
          `threshold must be ${inSide} the scale-out one, or each scale action would trigger the other; ` +
          `${rising ? 'lower' : 'raise'} it`,
      ),
    ];
  }
  return [];
}
