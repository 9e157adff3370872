/**
 * The numeric limits Azure ML documents for a managed online deployment's settings, read by the deployment's
 * checks (`deployment-checks.ts`, `online-deployment.ts`). Sources:
 * - the CLI (v2) managed online deployment YAML schema (`reference-yaml-deployment-managed-online.md` in
 *   MicrosoftDocs/azure-ai-docs): `ProbeSettings` ("Minimum value is 1" for `initial_delay`, `timeout`,
 *   `failure_threshold`, readiness `success_threshold`; a liveness probe's `success_threshold` "is fixed as 1"),
 *   `RequestSettings` ("the maximum value allowed is 180000 milliseconds" for `request_timeout_ms`);
 * - "Manage and increase quotas and limits" (`how-to-manage-quotas.md`), the online endpoints table: "Number of
 *   instances per deployment: 50" for managed online endpoints, "Number of deployments per endpoint: 20".
 * A limit Azure lets support raise ("allows exception") is refused all the same: the apply fails without the
 * raise, and with it the value is one more support ticket away, not a configuration.
 */

/** A whole-number range: the smallest and largest value Azure accepts. */
export interface WholeRange {
  readonly min: number;
  /** @default no upper bound */
  readonly max?: number;
}

/** A probe's durations, in seconds (`initialDelay`, `period`, `timeout`). */
export const PROBE_DURATION_LIMITS: {
  readonly initialDelay: WholeRange;
  readonly period: WholeRange;
  readonly timeout: WholeRange;
} = {
  initialDelay: { min: 1 },
  period: { min: 1 },
  timeout: { min: 1 },
};

/** A probe's thresholds, as counts. */
export const PROBE_COUNT_LIMITS: {
  readonly successThreshold: WholeRange;
  readonly failureThreshold: WholeRange;
} = {
  successThreshold: { min: 1 },
  failureThreshold: { min: 1 },
};

/** A liveness probe's success threshold: fixed at 1. */
export const LIVENESS_SUCCESS_THRESHOLD = 1;

/** Request durations, in milliseconds. */
export const REQUEST_DURATION_LIMITS: {
  readonly requestTimeout: WholeRange;
  readonly maxQueueWait: WholeRange;
} = {
  requestTimeout: { min: 1, max: 180_000 },
  // Deprecated, and the schema states no minimum: 0 (no wait in the queue) is left to Azure.
  maxQueueWait: { min: 0 },
};

/** Concurrent requests of one instance. */
export const MAX_CONCURRENT_REQUESTS_LIMITS: WholeRange = { min: 1 };

/** Instances of one managed online deployment. */
export const INSTANCE_COUNT_LIMITS: WholeRange = { min: 1, max: 50 };

/** Deployments on one endpoint. */
export const MAX_DEPLOYMENTS_PER_ENDPOINT = 20;

/** `from 1 to 50` or `at least 1`, for messages. */
export function describeRange(range: WholeRange): string {
  return range.max === undefined ? `at least ${range.min}` : `from ${range.min} to ${range.max}`;
}

/** Whether `value` is a whole number in `range`. */
export function inRange(value: number, range: WholeRange): boolean {
  return Number.isInteger(value) && value >= range.min && value <= (range.max ?? Number.MAX_SAFE_INTEGER);
}
