import { Fn } from 'cdktf';
import { isKnown } from './configuration-error';

/** The parts of an ARM resource id: `/subscriptions/<s>/resourceGroups/<g>/providers/<ns>/<type>/<name>[/<type>/<name>...]`. */
export interface ArmId {
  /** Subscription id, lower-case (Azure compares it without case). */
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** `Microsoft.Storage/storageAccounts`, `Microsoft.MachineLearningServices/workspaces/onlineEndpoints`. */
  readonly resourceType: string;
  /** The last name in the id (the resource's own name). */
  readonly name: string;
  /** The names along the type path: `[workspace, endpoint]` for an endpoint id. */
  readonly names: readonly string[];
}

const PREFIX = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)\/(.+))?$/i;

/**
 * Parses a known ARM resource id; undefined for an unresolved token (it cannot be judged) and for text that is
 * not a resource id (callers that need an id report that). The one parser of ids in this library.
 */
export function parseArmId(id: string | undefined): ArmId | undefined {
  if (!isKnown(id) || typeof id !== 'string') return undefined;
  const match = PREFIX.exec(id);
  if (match === null) return undefined;
  if (match[3] === undefined) {
    // A resource group's own id.
    const group = { resourceType: 'Microsoft.Resources/resourceGroups', name: match[2], names: [match[2]] };
    return { subscriptionId: match[1].toLowerCase(), resourceGroup: match[2], ...group };
  }
  const rest = match[4].split('/');
  if (rest.length % 2 !== 0 || rest.some((s) => s.length === 0)) return undefined;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return {
    subscriptionId: match[1].toLowerCase(),
    resourceGroup: match[2],
    resourceType: [match[3], ...types].join('/'),
    name: names[names.length - 1],
    names,
  };
}

/**
 * Why `id` is not the ARM id of a resource of `resourceType` (compared without case, as ARM does), or undefined
 * when it is one or when it is an unresolved token.
 */
export function armIdProblem(id: string | undefined, resourceType: string): string | undefined {
  if (id === undefined || id === '') return `it is empty; give the ARM id of a ${resourceType}`;
  if (!isKnown(id)) return undefined;
  const parsed = parseArmId(id);
  const example = `/subscriptions/<subscription>/resourceGroups/<group>/providers/${resourceType}/<name>`;
  if (parsed === undefined) return `it is not an ARM resource id; give one like '${example}'`;
  if (parsed.resourceType.toLowerCase() !== resourceType.toLowerCase()) {
    return `it is the id of a ${parsed.resourceType}, not of a ${resourceType}; give one like '${example}'`;
  }
  return undefined;
}

/** The subscription of an ARM id (lower-case), when the id is known and well formed. */
export function subscriptionOf(id: string | undefined): string | undefined {
  return parseArmId(id)?.subscriptionId;
}

/**
 * The name of a top-level resource from its id: the last name when the id is known, a Terraform
 * `element(split("/", id), 8)` expression when it is a token (resolved at plan time).
 */
export function topLevelNameFromId(id: string): string {
  if (isKnown(id)) return parseArmId(id)?.name ?? id;
  return Fn.element(Fn.split('/', id), 8);
}

/**
 * The id of the top-level resource an id belongs to (a subnet's virtual network): the id when known, a Terraform
 * `join("/", slice(split("/", id), 0, 9))` expression when it is a token.
 */
export function topLevelIdOf(id: string): string {
  if (isKnown(id)) {
    const parsed = parseArmId(id);
    if (parsed === undefined || parsed.names.length <= 1) return id;
    return id.split('/').slice(0, 9).join('/');
  }
  return Fn.join('/', Fn.slice(Fn.split('/', id), 0, 9));
}
