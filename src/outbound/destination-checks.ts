import { armIdProblem, isKnown, problem, Problems } from '../checks';
import { addressPrefixProblem } from './address-prefix';
import { IsolationMode } from '../workspace/isolation-mode';
import { IManagedVnetWorkspace } from '../workspace/workspace-ref';
import { PrivateEndpointTarget } from './private-endpoint-target';

// A host name, optionally with one leading wildcard label (`*.anaconda.org`): what Azure's FQDN rules accept.
const LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const FQDN = new RegExp(`^(\\*\\.)?(${LABEL}\\.)*${LABEL}$`, 'i');
const MAX_FQDN_LENGTH = 253;

/** SE119: an FQDN rule's destination is a host name, not a URL, an address with a port, or empty text. */
export function checkFqdnDestination(ruleName: string, destination: string): Problems {
  if (!isKnown(destination)) return [];
  if (typeof destination !== 'string' || destination.length > MAX_FQDN_LENGTH || !FQDN.test(destination)) {
    return [
      problem(
        'SE119',
        `FQDN rule '${ruleName}' destination '${String(destination)}' is not a host name: give only the name, ` +
          `without scheme, path or port, at most ${MAX_FQDN_LENGTH} characters, optionally starting with '*.' ` +
          `(for example 'pypi.org' or '*.anaconda.org')`,
      ),
    ];
  }
  return [];
}

/** Why a port list such as `'443'`, `'80, 8080'` or `'1024-2048'` is not one, or undefined when it is. */
function portRangesProblem(portRanges: string): string | undefined {
  if (portRanges.trim() === '*') return undefined;
  for (const item of portRanges.split(',')) {
    const match = /^\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*$/.exec(item);
    if (match === null) return `'${item.trim()}' is not a port or a range of ports`;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 1 || to > 65535) return `ports run from 1 to 65535`;
    if (from > to) return `range ${from}-${to} runs backwards`;
  }
  return undefined;
}

/** The form of a service tag name (`AzureMonitor`, `Storage.WestEurope`): SE119; SE402 reads it in the list. */
export const SERVICE_TAG_FORM = /^[A-Za-z][\w.]*$/;

/** SE119: a service-tag rule needs a tag (or address prefixes) and ports that are ports. */
export function checkServiceTagDestination(
  ruleName: string,
  serviceTag: string,
  portRanges: string,
  addressPrefixes: string[] | undefined,
): Problems {
  if (isKnown(portRanges)) {
    const why = portRangesProblem(String(portRanges));
    if (why !== undefined) {
      return [
        problem(
          'SE119',
          `service-tag rule '${ruleName}' portRanges '${portRanges}' is refused: ${why}; give for example ` +
            `'443', '80, 443' or '8000-8100'`,
        ),
      ];
    }
  }
  for (const [i, prefix] of (isKnown(addressPrefixes) ? (addressPrefixes ?? []) : []).entries()) {
    if (!isKnown(prefix) || typeof prefix !== 'string') continue;
    const why = addressPrefixProblem(prefix);
    if (why !== undefined) {
      return [
        problem(
          'SE411',
          `service-tag rule '${ruleName}' addressPrefixes[${i}] '${prefix}' is not an address prefix: ${why}; ` +
            `give IP addresses or CIDR ranges such as '10.0.0.0/24' or '2001:db8::/32'`,
        ),
      ];
    }
  }
  const noPrefixes = addressPrefixes === undefined || addressPrefixes.length === 0;
  if (
    noPrefixes &&
    isKnown(serviceTag) &&
    (typeof serviceTag !== 'string' || !SERVICE_TAG_FORM.test(serviceTag))
  ) {
    return [
      problem(
        'SE119',
        `service-tag rule '${ruleName}' serviceTag '${String(serviceTag)}' is not a service tag name: give one ` +
          `such as 'AzureMonitor' or 'Storage.WestEurope', or addressPrefixes`,
      ),
    ];
  }
  return [];
}

/** SE115: the private endpoint's target is an ARM id of the kind of resource its sub-resource belongs to. */
export function checkPrivateEndpointTarget(
  ruleName: string,
  serviceResourceId: string | undefined,
  target: PrivateEndpointTarget,
  what = 'serviceResourceId',
): Problems {
  const resourceType = target.resourceType ?? '';
  const why =
    resourceType === ''
      ? serviceResourceId === undefined || serviceResourceId === ''
        ? 'it is empty; give the ARM id of the resource to connect to'
        : undefined
      : armIdProblem(serviceResourceId, resourceType);
  if (why !== undefined) {
    return [
      problem(
        'SE115',
        `private endpoint rule '${ruleName}' (sub-resource ${target.value}) target ${what} '${serviceResourceId ?? ''}' is ` +
          `refused: ${why}`,
      ),
    ];
  }
  return [];
}

/** SE116: without a managed network there is nothing to put an outbound private endpoint in. */
export function checkManagedNetworkExists(ruleName: string, workspace: IManagedVnetWorkspace): Problems {
  if (workspace.isolationMode === IsolationMode.DISABLED) {
    return [
      problem(
        'SE116',
        `private endpoint rule '${ruleName}' on workspace '${workspace.workspaceName}' with isolation mode ` +
          `Disabled: outbound rules live in the managed network, which Disabled does not have, and Azure refuses ` +
          `the rule; use IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND or ALLOW_INTERNET_OUTBOUND, or remove the rule`,
      ),
    ];
  }
  return [];
}
