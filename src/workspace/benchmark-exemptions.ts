/**
 * Exemptions, in code, from the built-in Azure Policy definitions that flag what the network isolation how-to needs,
 * for the benchmark assignments a security team already has. Defender for Cloud assigns the Microsoft cloud
 * security benchmark (MCSB) to every onboarded subscription; MCSB v2 (preview) where a team adds it. Each
 * exemption is category `Mitigated`, on the one resource the definition flags, with the reason as its
 * description. docs/security.md explains each contradiction.
 */
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ResourcePolicyExemption } from '@cdktf/provider-azurerm/lib/resource-policy-exemption';
import {
  ConfigurationError,
  fromFactory,
  isKnown,
  problem,
  Problems,
  problemsOf,
  readProps,
} from '../checks';
import { expressionOf } from '../checks/expressions';
import { construct, defineProps, instanceOf, list, text } from '../checks/read';
import { IsolationMode } from './isolation-mode';
import type { ManagedVnetWorkspace } from './managed-vnet-workspace';

/** The contradicting definitions, by what they flag. */
type Contradiction = 'approvedOutbound' | 'computesInVirtualNetwork';

/**
 * Each contradicting definition's reference id inside each initiative, which an exemption names (Azure/azure-policy,
 * built-in-policies/policySetDefinitions/Security Center: `AzureSecurityCenter.json` version 57.56.0 for MCSB,
 * `MCSBv2.json` version 1.3.0-preview). "...should enable V1LegacyMode..." (e413671a-dd10-4cc1-a943-45b598596cb7)
 * is assigned by neither.
 */
const INITIATIVES = {
  mcsb: {
    id: '1f3afdf9-d0c9-4c3d-847f-89da613e70a8',
    title: 'Microsoft cloud security benchmark',
    references: {
      computesInVirtualNetwork: 'azureMachineLearningComputesShouldBeInAVirtualNetwork',
    } as Partial<Record<Contradiction, string>>,
  },
  mcsbV2: {
    id: 'e3ec7e09-768c-4b64-882c-fcada3772047',
    title: 'Microsoft cloud security benchmark v2',
    references: {
      // 6ddb1705-c8cf-450e-aa4b-19ad6703c440
      approvedOutbound: 'MLAIStudioAllowOnlyApprovedOutboundManagedVnetMode',
      // 7804b5c7-01dc-4723-969b-ae300cc07ff1
      computesInVirtualNetwork: 'azureMachineLearningComputesShouldBeInAVirtualNetwork',
    } as Partial<Record<Contradiction, string>>,
  },
} as const;

type InitiativeKey = keyof typeof INITIATIVES;

/** Why each contradiction is mitigated: the exemption's description. */
const WHY: Record<Contradiction, string> = {
  approvedOutbound:
    'The workspace uses the managed network mode AllowOnlyApprovedOutbound, which this definition asks for; as ' +
    'assigned without parameters it compares with its default isolationMode Disabled and flags every managed network.',
  computesInVirtualNetwork:
    'The image-build cluster runs in the workspace managed virtual network (network isolation managed by Azure ' +
    'Machine Learning), which has no customer subnet to name.',
};

/**
 * A policy assignment id at any scope (management group, subscription, resource group), as
 * `az policy assignment list` prints it.
 */
const ASSIGNMENT_ID = /^(\/[^/]+\/[^/]+)*\/providers\/Microsoft\.Authorization\/policyAssignments\/[^/]+$/i;

/** How each factory reads its id: checked by the exemptions that use it (SE145); an expression may be empty. */
const ASSIGNMENT_ID_PARAM = {
  assignmentId: text({ tokens: 'expression', optional: false, what: 'a policy assignment id (text)' }),
};
export const MCSB_ASSIGNMENT_PARAMS = defineProps<{ assignmentId: string }>(
  'BenchmarkAssignment.microsoftCloudSecurityBenchmark',
  ASSIGNMENT_ID_PARAM,
);
export const MCSB_V2_ASSIGNMENT_PARAMS = defineProps<{ assignmentId: string }>(
  'BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2',
  ASSIGNMENT_ID_PARAM,
);

/** An assignment of a security benchmark initiative, which exemptions name. Enum-like: use the static factories. */
export class BenchmarkAssignment {
  /**
   * An assignment of the Microsoft cloud security benchmark (initiative 1f3afdf9-d0c9-4c3d-847f-89da613e70a8;
   * Defender for Cloud assigns it to an onboarded subscription).
   * @param assignmentId ARM id of the assignment; a Terraform variable's value that is empty creates no exemption
   */
  public static microsoftCloudSecurityBenchmark(assignmentId: string): BenchmarkAssignment {
    return BenchmarkAssignment.of(MCSB_ASSIGNMENT_PARAMS, 'mcsb', assignmentId);
  }

  /**
   * An assignment of the Microsoft cloud security benchmark v2, preview (initiative
   * e3ec7e09-768c-4b64-882c-fcada3772047).
   * @param assignmentId ARM id of the assignment; a Terraform variable's value that is empty creates no exemption
   */
  public static microsoftCloudSecurityBenchmarkV2(assignmentId: string): BenchmarkAssignment {
    return BenchmarkAssignment.of(MCSB_V2_ASSIGNMENT_PARAMS, 'mcsbV2', assignmentId);
  }

  private static of(
    schema: typeof MCSB_ASSIGNMENT_PARAMS,
    initiative: InitiativeKey,
    assignmentId: string,
  ): BenchmarkAssignment {
    return fromFactory(
      schema,
      { assignmentId },
      (read) => new BenchmarkAssignment(initiative, read.assignmentId),
      BenchmarkAssignment.prototype,
    );
  }

  private constructor(
    /** Which initiative. @internal */
    public readonly _initiative: InitiativeKey,
    /** ARM id of the assignment. */
    public readonly assignmentId: string,
  ) {}

  /** The initiative's policy set definition name, e.g. `1f3afdf9-d0c9-4c3d-847f-89da613e70a8`. */
  public get initiativeId(): string {
    return INITIATIVES[this._initiative].id;
  }
}

/** Props of `BenchmarkExemptions`. */
export interface BenchmarkExemptionsProps {
  /** The workspace whose image-build cluster and managed network the contradicting built-ins flag. */
  readonly workspace: ManagedVnetWorkspace;
  /** The benchmark assignments to exempt them from, at most one per initiative. */
  readonly assignments: BenchmarkAssignment[];
}

export const BENCHMARK_EXEMPTIONS_PROPS = defineProps<BenchmarkExemptionsProps>('BenchmarkExemptionsProps', {
  workspace: construct('a ManagedVnetWorkspace'),
  assignments: list(instanceOf<BenchmarkAssignment>(BenchmarkAssignment), {
    tokens: 'refuse',
    why: 'each assignment decides which exemptions are created',
    optional: false,
    nonEmpty: 'give at least one BenchmarkAssignment, or do not create the exemptions',
  }),
});

/**
 * Exempts a workspace's resources from the built-ins that contradict the how-to, for each benchmark assignment
 * given (category `Mitigated`, the reason as description; construct ids `<Target><Initiative>`):
 * - "Azure Machine Learning Computes should be in a virtual network" (MCSB and MCSB v2): the image-build cluster
 *   the workspace creates, which runs in the managed network and has no customer subnet;
 * - "Azure Machine Learning and Ai Studio should use Allow Only Approved Outbound Managed Vnet mode" (MCSB v2):
 *   the workspace when its isolation mode is `AllowOnlyApprovedOutbound` (MCSB v2 assigns the definition with
 *   its default parameter `Disabled`, which flags every managed network); internet outbound is not exempted.
 * Creating an exemption needs `Microsoft.Authorization/policyExemptions/write` on the resource (Resource Policy
 * Contributor, or Owner). An assignment id that is a Terraform variable's value creates none when the variable
 * is empty (`count`), so one stack serves subscriptions where an initiative is not assigned; any other expression
 * (another resource's id) is taken as an id.
 *
 * @example
 * new BenchmarkExemptions(this, 'BenchmarkExemptions', {
 *   workspace,
 *   assignments: [
 *     BenchmarkAssignment.microsoftCloudSecurityBenchmark(
 *       '/subscriptions/<subscription>/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn',
 *     ),
 *   ],
 * });
 */
export class BenchmarkExemptions extends Construct {
  /** The exemptions created, in the order of `assignments`. */
  public readonly exemptions: ResourcePolicyExemption[];

  constructor(scope: Construct, id: string, props: BenchmarkExemptionsProps) {
    super(scope, id);
    const read = readProps(this, BENCHMARK_EXEMPTIONS_PROPS, props);
    const assignments = read.assignments ?? [];
    problemsOf(this).record(checkAssignments(assignments));
    const targets = read.workspace === undefined ? [] : exemptedResources(read.workspace);
    // A second assignment of one initiative is reported (SE146) and not built: its names would collide.
    const once = assignments.filter(
      (a, i) => assignments.findIndex((b) => b._initiative === a._initiative) === i,
    );
    this.exemptions = once.flatMap((assignment) =>
      targets.flatMap((target) => this.exempt(assignment, target)),
    );
  }

  private exempt(assignment: BenchmarkAssignment, target: ExemptedResource): ResourcePolicyExemption[] {
    const initiative = INITIATIVES[assignment._initiative];
    const reference = initiative.references[target.contradiction];
    if (reference === undefined) return [];
    const key = assignment._initiative === 'mcsb' ? 'Mcsb' : 'McsbV2';
    const exemption = new ResourcePolicyExemption(this, `${target.id}${key}`, {
      // Unique per resource across constructs (two assignments of one initiative, at two scopes).
      name: `contradicts-network-isolation-${assignment._initiative === 'mcsb' ? 'mcsb' : 'mcsb-v2'}-${this.node.addr.slice(0, 8)}`,
      displayName: `Secure online endpoint: contradicts the network isolation how-to (${initiative.title})`,
      resourceId: target.resourceId,
      policyAssignmentId: assignment.assignmentId,
      policyDefinitionReferenceIds: [reference],
      exemptionCategory: 'Mitigated',
      description: WHY[target.contradiction],
    });
    if (fromVariable(this, assignment.assignmentId)) {
      // 1 for an id, 0 for empty text: length() counts a string's characters. Only for a variable: a count must
      // be known at plan, and another expression (a resource's id) may not be; it is never empty either.
      exemption.count = Token.asNumber(Fn.signum(Fn.lengthOf(assignment.assignmentId)));
    }
    return [exemption];
  }
}

interface ExemptedResource {
  readonly id: string;
  readonly resourceId: string;
  readonly contradiction: Contradiction;
}

/** What the contradicting built-ins flag in this workspace. */
function exemptedResources(workspace: ManagedVnetWorkspace): ExemptedResource[] {
  const out: ExemptedResource[] = [];
  if (workspace.isolationMode === IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) {
    out.push({ id: 'Workspace', resourceId: workspace.workspaceId, contradiction: 'approvedOutbound' });
  }
  const cluster = workspace.imageBuildComputeResource;
  if (cluster !== undefined && workspace.isolationMode.isManaged) {
    out.push({
      id: 'ImageBuildCompute',
      resourceId: cluster.getStringAttribute('id'),
      contradiction: 'computesInVirtualNetwork',
    });
  }
  return out;
}

/** Whether the id is a Terraform variable's value as it stands (`${var.name}`), which may be empty. */
function fromVariable(scope: Construct, id: string): boolean {
  if (isKnown(id)) return false;
  return /^\$\{var\.[A-Za-z_][A-Za-z0-9_-]*\}$/.test(expressionOf(scope, id) ?? '');
}

/** SE145: an assignment id that is not one; SE146: one initiative given twice (the names would collide). */
export function checkAssignments(assignments: readonly BenchmarkAssignment[]): Problems {
  const problems: ConfigurationError[] = [];
  const seen = new Set<InitiativeKey>();
  for (const a of assignments) {
    if (isKnown(a.assignmentId) && !ASSIGNMENT_ID.test(a.assignmentId)) {
      problems.push(
        problem(
          'SE145',
          `benchmark assignment id '${a.assignmentId}' is not a policy assignment id: give the ARM id ` +
            `'az policy assignment list' prints, such as '/subscriptions/<subscription>/providers/` +
            `Microsoft.Authorization/policyAssignments/<name>'`,
        ),
      );
    }
    if (seen.has(a._initiative)) {
      problems.push(
        problem(
          'SE146',
          `${INITIATIVES[a._initiative].title} is given twice in assignments: the exemptions of one construct ` +
            `are named by initiative, and both would have the same name on each resource; give each initiative ` +
            `once, and a second assignment of it (on another scope) to a second BenchmarkExemptions`,
        ),
      );
    }
    seen.add(a._initiative);
  }
  return problems;
}
