import { Token } from 'cdktf';
import { IsoDuration } from '../arm';
import { Checked, problem } from '../checks';
import { Duration, formatSeconds } from '../core/duration';

/**
 * A duration as the ISO 8601 seconds Azure ML's request settings and probes carry (`PT5S`, `PT0.5S`), as the CLI
 * converts `request_timeout_ms` and `period`: in whole milliseconds, or whole seconds where the service counts
 * seconds. An amount given as a Terraform expression is converted by Terraform instead of being checked.
 */
export function isoSeconds(
  duration: Duration,
  what: string,
  whole: 'milliseconds' | 'seconds',
): Checked<IsoDuration> {
  // A Terraform variable or reference: Terraform divides and formats it at plan time (500 ms -> "0.5").
  if (duration.isUnresolved()) return { value: `PT${Token.asString(duration.toSeconds())}S`, problems: [] };
  const amount = whole === 'milliseconds' ? duration.toMilliseconds() : duration.toSeconds();
  const problems = Number.isInteger(amount)
    ? []
    : [
        problem(
          'SE216',
          `${what} is ${duration.toHumanString()}: give a whole number of ${whole}, for example ` +
            (whole === 'milliseconds' ? 'Duration.millis(5000)' : 'Duration.seconds(10)'),
        ),
      ];
  return { value: `PT${formatSeconds(duration.toSeconds())}S`, problems };
}
