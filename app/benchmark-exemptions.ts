/**
 * Exemptions, in code, from the built-in Azure Policy definitions that contradict the how-to, for the benchmark
 * assignments a security team already has (Defender for Cloud assigns MCSB to every onboarded subscription; MCSB v2
 * is assigned where a team adds it). Each is category `Mitigated`, with the reason in its description, on the one
 * resource the definition flags. The assignment ids are Terraform variables: left empty (the default), no
 * exemption is created for that initiative, so the layout deploys where an initiative is not assigned.
 * docs/security.md explains each contradiction; docs/hardened-layout.md how to set the variables.
 */
import { TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ResourcePolicyExemption } from '@cdktf/provider-azurerm/lib/resource-policy-exemption';
import { IsolationMode, ManagedVnetWorkspace } from '../src';

/**
 * The contradicting definitions each initiative assigns, by its reference id inside the initiative (Azure/azure-policy,
 * built-in-policies/policySetDefinitions/Security Center: `AzureSecurityCenter.json` version 57.56.0 for MCSB,
 * `MCSBv2.json` version 1.3.0-preview). "...should enable V1LegacyMode..." is assigned by neither.
 */
const CONTRADICTING = {
  approvedOutbound: {
    definition: '6ddb1705-c8cf-450e-aa4b-19ad6703c440',
    references: { mcsb: undefined, mcsbV2: 'MLAIStudioAllowOnlyApprovedOutboundManagedVnetMode' },
    why:
      'The workspace uses the managed network mode AllowOnlyApprovedOutbound, which this definition asks for; ' +
      'as assigned without parameters it compares with its default isolationMode Disabled and flags every ' +
      'managed network.',
  },
  computesInVirtualNetwork: {
    definition: '7804b5c7-01dc-4723-969b-ae300cc07ff1',
    references: {
      mcsb: 'azureMachineLearningComputesShouldBeInAVirtualNetwork',
      mcsbV2: 'azureMachineLearningComputesShouldBeInAVirtualNetwork',
    },
    why:
      'The image-build cluster runs in the workspace managed virtual network (network isolation managed by Azure ' +
      'Machine Learning), which has no customer subnet to name.',
  },
} as const;

type InitiativeKey = 'mcsb' | 'mcsbV2';

/** Empty, or an assignment id at any scope (management group, subscription, resource group). */
const ASSIGNMENT_ID_CONDITION =
  'VAR == "" || can(regex("(?i)^(/[^/]+/[^/]+)*/providers/Microsoft\\\\.Authorization/policyAssignments/[^/]+$", VAR))';

const INITIATIVES: Record<InitiativeKey, { variable: string; title: string }> = {
  mcsb: { variable: 'mcsb_policy_assignment_id', title: 'Microsoft cloud security benchmark' },
  mcsbV2: { variable: 'mcsb_v2_policy_assignment_id', title: 'Microsoft cloud security benchmark v2' },
};

/** The exemptions of the workspace and its image-build cluster, per initiative, each behind its variable. */
export function addBenchmarkExemptions(scope: Construct, workspace: ManagedVnetWorkspace): void {
  for (const [key, initiative] of Object.entries(INITIATIVES) as [
    InitiativeKey,
    (typeof INITIATIVES)[InitiativeKey],
  ][]) {
    const assignment = new TerraformVariable(scope, initiative.variable, {
      type: 'string',
      default: '',
      nullable: false,
      description:
        `ARM id of the ${initiative.title} assignment that covers this stack (az policy assignment list); ` +
        'empty: no exemption for it',
      validation: [
        {
          condition: `\${${ASSIGNMENT_ID_CONDITION.replace(/VAR/g, `var.${initiative.variable}`)}}`,
          errorMessage:
            `${initiative.variable} must be empty or the ARM id of a policy assignment ` +
            '(.../providers/Microsoft.Authorization/policyAssignments/<name>), as az policy assignment list prints it.',
        },
      ],
    });
    const targets: { id: string; resourceId: string; contradiction: keyof typeof CONTRADICTING }[] = [];
    // Only where the workspace does what the definition means: internet outbound is not exempted.
    if (workspace.isolationMode === IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) {
      targets.push({ id: 'Workspace', resourceId: workspace.workspaceId, contradiction: 'approvedOutbound' });
    }
    const cluster = workspace.imageBuildComputeResource;
    if (cluster !== undefined) {
      targets.push({
        id: 'ImageBuildCompute',
        resourceId: cluster.getStringAttribute('id'),
        contradiction: 'computesInVirtualNetwork',
      });
    }
    for (const target of targets) {
      const contradiction = CONTRADICTING[target.contradiction];
      const reference = contradiction.references[key];
      if (reference === undefined) continue;
      const exemption = new ResourcePolicyExemption(
        scope,
        `${target.id}Exemption${key === 'mcsb' ? 'Mcsb' : 'McsbV2'}`,
        {
          name: `contradicts-secure-endpoint-${key === 'mcsb' ? 'mcsb' : 'mcsb-v2'}`,
          displayName: `Secure online endpoint: contradicts the network isolation how-to (${initiative.title})`,
          resourceId: target.resourceId,
          policyAssignmentId: assignment.stringValue,
          policyDefinitionReferenceIds: [reference],
          exemptionCategory: 'Mitigated',
          description: contradiction.why,
        },
      );
      exemption.count = Token.asNumber(`\${${assignment.fqn} == "" ? 0 : 1}`);
    }
  }
}
