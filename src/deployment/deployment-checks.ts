/**
 * The checks of a deployment's own props (SE207 to SE223): which assets go together, the legacy egress flag, the
 * instances, and the whole numbers of its request settings and probes.
 */
import { isKnown, problem, Problems } from '../checks';
import { ISecureOnlineEndpoint } from '../endpoint/endpoint-ref';
import { CodeConfiguration } from './code-configuration';
import { EgressPublicNetworkAccess } from './egress';
import { Environment } from './environment';
import { describeRange, inRange, INSTANCE_COUNT_LIMITS, WholeRange } from './deployment-limits';
import { Model } from './model';

/** What a deployment serves and runs, as `checkCombination` reads it from the deployment's props. */
export interface DeploymentAssetChoice {
  /** The model served. */
  readonly model: Model;
  /** Scoring code. @default none */
  readonly code?: CodeConfiguration;
  /** The image the deployment runs in. @default none */
  readonly environment?: Environment;
}

/** SE207 / SE208 / SE220: the model, code and environment a deployment can run with. */
export function checkCombination(name: string, props: DeploymentAssetChoice): Problems {
  // Azure ML documents customising an MLflow deployment with a scoring script and an environment together (the
  // way to serve one without internet egress); an environment alone turns off the generated scoring script.
  if (props.model.isMlflow && props.environment !== undefined && props.code === undefined) {
    return [
      problem(
        'SE207',
        `deployment '${name}' serves an MLflow model with an environment but no scoring code: with an environment ` +
          `Azure ML no longer generates the MLflow scoring script, and the deployment has nothing to run; give ` +
          `code: CodeConfiguration.fromLocalPath(dir, 'score.py') as well (a customised MLflow deployment), or ` +
          `neither code nor environment (Azure ML generates both)`,
      ),
    ];
  }
  if (props.code !== undefined && props.environment === undefined) {
    return [
      problem(
        'SE208',
        `deployment '${name}' has scoring code but no environment: the script needs an image to run in; add ` +
          `environment: Environment.fromImage(image, { condaFile }) or Environment.fromAssetId(id)`,
      ),
    ];
  }
  if (!props.model.isMlflow && props.environment === undefined) {
    return [
      problem(
        'SE220',
        `deployment '${name}' serves a custom model without an environment: only MLflow models get one ` +
          `generated; add environment: Environment.fromImage(...), or use Model.mlflowFromLocalPath for an MLflow model`,
      ),
    ];
  }
  return [];
}

/** SE209: the legacy egress flag, which keeps a deployment from its private registry's image. */
export function checkLegacyEgress(
  name: string,
  props: { readonly egressPublicNetworkAccess?: EgressPublicNetworkAccess },
  endpoint: ISecureOnlineEndpoint,
): Problems {
  if (props.egressPublicNetworkAccess !== EgressPublicNetworkAccess.ENABLED) return [];
  if (endpoint.workspace.containerRegistryPrivateOnly !== true) return [];
  return [
    problem(
      'SE209',
      `deployment '${name}' sets the legacy egressPublicNetworkAccess Enabled while the workspace's container ` +
        `registry is reachable only privately: the deployment could not download its image (the how-to's ` +
        `troubleshooting: image download failure); leave egressPublicNetworkAccess unset (the managed network ` +
        `handles egress) or set EgressPublicNetworkAccess.DISABLED`,
    ),
  ];
  return [];
}

/**
 * Most instances one deployment may ask for: 50 is Azure ML's per-deployment instance limit for managed online
 * endpoints (`INSTANCE_COUNT_LIMITS` in deployment-limits.ts, with its source). Azure refuses more at apply, after
 * the endpoint and the assets were created; more than that is a support request, not a configuration.
 */
export const MAX_INSTANCE_COUNT = INSTANCE_COUNT_LIMITS.max ?? 50;

/** The form of an Azure VM size name: `Standard_DS3_v2`, `Standard_NC6s_v3` (SE223; SE400 reads it in the list). */
export const VM_SIZE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** SE216 / SE223: the instance count and the VM size. */
export function checkInstances(
  name: string,
  instanceCount: number,
  instanceType: string | undefined,
): Problems {
  if (isKnown(instanceCount) && !inRange(instanceCount, INSTANCE_COUNT_LIMITS)) {
    return [
      problem(
        'SE216',
        `instanceCount of deployment '${name}' is ${String(instanceCount)}: give a whole number ` +
          `${describeRange(INSTANCE_COUNT_LIMITS)} (Azure ML's per-deployment limit)`,
      ),
    ];
  }
  if (
    instanceType !== undefined &&
    isKnown(instanceType) &&
    !(typeof instanceType === 'string' && VM_SIZE.test(instanceType))
  ) {
    return [
      problem(
        'SE223',
        `instanceType of deployment '${name}' is '${String(instanceType)}': give an Azure VM size name such as ` +
          `'Standard_DS3_v2'`,
      ),
    ];
  }
  return [];
  return [];
}

/** SE216: a count, period or time-out that must be a whole number in Azure's documented `range`. */
export function checkWhole(value: number | undefined, range: WholeRange, what: string, unit = ''): Problems {
  if (value === undefined || !isKnown(value)) return [];
  if (!inRange(value, range)) {
    return [
      problem(
        'SE216',
        `${what} is ${String(value)}: Azure ML accepts a whole number${unit === '' ? '' : ` of ${unit}`} ` +
          `${describeRange(range)}; give one in that range`,
      ),
    ];
  }
  return [];
  return [];
}
