/**
 * Verdicts: each assigned definition against each ARM resource of a stack. A resource is in scope when its type
 * is one the rule's `if` names (`field: type`); then
 * - Audit, Deny, Modify: the `if` true is non-compliant, false compliant;
 * - AuditIfNotExists, DeployIfNotExists: the `if` true asks for a related resource (`details.type`, a child or
 *   an extension of the resource, or a resource of that type in the resource group) meeting `existenceCondition`:
 *   one that does is compliant, none non-compliant; the `if` false is not applicable;
 * - Disabled: not evaluated.
 * Anything Unknown on the way makes the verdict undecidable, with the reason: never compliant.
 */
import { evaluateCondition, Outcome } from './conditions';
import { Assignment, Initiative } from './policies';
import { ArmResource, armResources, dataPlaneViews, TerraformJson } from './stack';
import { isUnknown, referenceOf } from './values';

export type VerdictKind = 'compliant' | 'non-compliant' | 'undecidable' | 'not-applicable';

export interface Verdict {
  /** The Terraform address the ARM resource comes from. */
  readonly resource: string;
  readonly verdict: VerdictKind;
  /** Why: the conditions that decided, or what could not be known. */
  readonly reason: string;
}

export interface DefinitionResult {
  readonly name: string;
  readonly displayName: string;
  readonly category: string;
  readonly effect: string;
  /** The definition's verdict: its worst resource verdict; `disabled` when the assignment disables it. */
  readonly verdict: VerdictKind | 'disabled';
  readonly resources: readonly Verdict[];
}

/**
 * Types Azure creates in related places of its own accord, so that a missing one in the stack does not prove it
 * missing (Network Watcher: "Network Watcher is enabled automatically in a region when you create or update a
 * virtual network", learn.microsoft.com/azure/network-watcher/network-watcher-create).
 */
const AZURE_CREATES: Record<string, string> = {
  'microsoft.network/networkwatchers':
    'Azure enables Network Watcher (in NetworkWatcherRG) when a virtual network is created in a region',
};

const WORST: readonly VerdictKind[] = ['non-compliant', 'undecidable', 'compliant', 'not-applicable'];

/** The ARM resources a stack's Terraform JSON becomes, with the data-plane views of its deployments. */
export function stackResources(json: TerraformJson): ArmResource[] {
  const resources = armResources(json);
  return [...resources, ...dataPlaneViews(resources, json)];
}

/** Evaluates every assignment of an initiative against a stack. */
export function evaluateInitiative(initiative: Initiative, json: TerraformJson): DefinitionResult[] {
  const resources = stackResources(json);
  const exemptions = policyExemptions(json);
  return initiative.assignments.map((a) => evaluateAssignment(a, resources, exemptions));
}

/** An `azurerm_resource_policy_exemption` of the stack: the resource it exempts, from what. */
export interface PolicyExemption {
  readonly address: string;
  /** The Terraform address of the exempted resource. */
  readonly resource: string;
  readonly referenceIds: readonly string[];
  readonly assignmentId: unknown;
  readonly count: unknown;
}

export function policyExemptions(json: TerraformJson): PolicyExemption[] {
  const blocks = (json.resource?.azurerm_resource_policy_exemption ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  return Object.entries(blocks).flatMap(([name, args]) => {
    const target = referenceOf(args.resource_id);
    if (target === undefined) return [];
    return [
      {
        address: `azurerm_resource_policy_exemption.${name}`,
        resource: `${target.type}.${target.name}`,
        referenceIds: (args.policy_definition_reference_ids as string[] | undefined) ?? [],
        assignmentId: args.policy_assignment_id,
        count: args.count,
      },
    ];
  });
}

/**
 * A flagged verdict on a resource an exemption of the stack names for this definition's reference id: Azure
 * reports it Exempt when the exemption's assignment is this initiative's, which the Terraform JSON cannot tell (the
 * id is a variable, and a literal id does not say which initiative it assigns), so it becomes undecidable.
 */
function exempted(a: Assignment, v: Verdict, exemptions: readonly PolicyExemption[]): Verdict {
  if (a.referenceId === undefined || (v.verdict !== 'non-compliant' && v.verdict !== 'undecidable')) return v;
  const e = exemptions.find((x) => x.resource === v.resource && x.referenceIds.includes(a.referenceId ?? ''));
  if (e === undefined) return v;
  const when = e.count === undefined ? '' : ` and its count (${String(e.count)}) is 1`;
  return {
    ...v,
    verdict: 'undecidable',
    reason:
      `exempted by ${e.address} (reference id ${a.referenceId}) when its policy_assignment_id ` +
      `(${String(e.assignmentId)}) is this initiative's assignment${when}; otherwise: ${v.reason}`,
  };
}

/** The types a rule's `if` names through `field: type` (equals or in), lower case. */
function typesOf(condition: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(condition)) condition.forEach((c) => typesOf(c, out));
  else if (condition !== null && typeof condition === 'object') {
    const c = Object.fromEntries(Object.entries(condition).map(([k, v]) => [k.toLowerCase(), v]));
    if (typeof c.field === 'string' && c.field.toLowerCase() === 'type') {
      for (const t of [c.equals ?? c.in ?? []].flat()) out.add(String(t).toLowerCase());
    }
    for (const v of Object.values(c)) if (typeof v === 'object') typesOf(v, out);
  }
  return out;
}

export function evaluateAssignment(
  a: Assignment,
  resources: readonly ArmResource[],
  exemptions: readonly PolicyExemption[] = [],
): DefinitionResult {
  const d = a.definition;
  const base = { name: d.name, displayName: d.displayName, category: d.category, effect: a.effect };
  if (a.effect === 'disabled') return { ...base, verdict: 'disabled', resources: [] };
  const types = typesOf(d.policyRule.if);
  const verdicts = resources
    .filter((r) => types.has(r.type.toLowerCase()))
    .map((r) => exempted(a, verdictOf(a, r, resources), exemptions))
    .filter((v) => v.verdict !== 'not-applicable');
  const verdict = WORST.find((w) => verdicts.some((v) => v.verdict === w)) ?? 'not-applicable';
  return { ...base, verdict, resources: verdicts };
}

const because = (o: Outcome): string => [...new Set(o.why)].join('; ');

function verdictOf(a: Assignment, resource: ArmResource, all: readonly ArmResource[]): Verdict {
  const at = (verdict: VerdictKind, reason: string): Verdict => ({
    resource: resource.address,
    verdict,
    reason,
  });
  const cond = evaluateCondition(a.definition.policyRule.if, { resource, parameters: a.parameters });
  const existence = a.effect === 'auditifnotexists' || a.effect === 'deployifnotexists';
  if (isUnknown(cond.value)) return at('undecidable', because(cond));
  if (!existence) return cond.value ? at('non-compliant', because(cond)) : at('compliant', because(cond));
  if (!cond.value) return at('not-applicable', because(cond));

  const details = a.definition.policyRule.then.details ?? {};
  const type = String(details.type);
  const related = relatedResources(resource, type, details, a, all);
  if (typeof related === 'string') return at('undecidable', related);
  const outcomes = related.map((r) =>
    details.existenceCondition === undefined
      ? { value: true, why: [`${r.address} exists`] }
      : evaluateCondition(details.existenceCondition, {
          resource: r,
          expressionResource: resource,
          parameters: a.parameters,
        }),
  );
  const met = outcomes.find((o) => o.value === true);
  if (met !== undefined) return at('compliant', `a ${type} meets the existence condition: ${because(met)}`);
  const open = outcomes.find((o) => isUnknown(o.value));
  if (open !== undefined) return at('undecidable', because(open));
  const azure = resource.azureMayCreate[type] ?? AZURE_CREATES[type.toLowerCase()];
  if (azure !== undefined) return at('undecidable', `no ${type} in the stack; ${azure}`);
  const none = related.length === 0 ? `no ${type} in the stack` : `no ${type} meets the existence condition`;
  return at('non-compliant', [none, ...outcomes.flatMap((o) => o.why)].join('; '));
}

/** The related resources of an existence check, or why they cannot be known. */
function relatedResources(
  resource: ArmResource,
  type: string,
  details: Record<string, unknown>,
  a: Assignment,
  all: readonly ArmResource[],
): ArmResource[] | string {
  const lower = type.toLowerCase();
  const children = resource.children.filter((c) => c.type.toLowerCase() === lower);
  if (
    lower.startsWith(`${resource.type.toLowerCase()}/`) ||
    lower === 'microsoft.insights/diagnosticsettings'
  ) {
    return children;
  }
  let candidates = all.filter((r) => r.type.toLowerCase() === lower);
  if (details.name !== undefined) {
    // [field('name')]: the resource itself (a self-check such as "encrypted with a customer-managed key, V2").
    if (String(details.name).toLowerCase() !== "[field('name')]")
      return `the related resource name ${String(details.name)} is not evaluated`;
    candidates = candidates.filter((r) => r === resource);
  }
  if (details.resourceGroupName !== undefined) {
    const rgParam = /^\[parameters\('([^']+)'\)\]$/.exec(String(details.resourceGroupName));
    const rg = rgParam === null ? details.resourceGroupName : a.parameters[rgParam[1]];
    const why = AZURE_CREATES[lower];
    return `the related ${type} is in the resource group ${String(rg)}, outside the stack${why === undefined ? '' : `; ${why}`}`;
  }
  // Without resourceGroupName, Azure looks in the resource's group; the stack's resources are the candidates.
  return candidates;
}
