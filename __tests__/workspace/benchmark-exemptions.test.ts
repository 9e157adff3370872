/**
 * `BenchmarkExemptions`: which resources are exempted from which initiative's contradicting built-ins (by reference
 * id), a variable's assignment id that may be empty (`count`, and none for another resource's id), and the checks: SE145 (not an assignment id), SE146 (an
 * initiative twice), SE001 (no assignment); one case that fires, one that passes.
 */
import { TerraformVariable } from 'cdktf';
import { SubscriptionPolicyAssignment } from '@cdktf/provider-azurerm/lib/subscription-policy-assignment';
import {
  BenchmarkAssignment,
  BenchmarkExemptions,
  ImageBuildCompute,
  IsolationMode,
  ManagedVnetWorkspace,
  ManagedVnetWorkspaceProps,
} from '../../src/workspace';
import { reported, resourcesOfType, synthJson, testStack } from '../support/synth';
import { armId, LITERAL_RG } from './fixtures';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const PROPS: ManagedVnetWorkspaceProps = {
  resourceGroup: LITERAL_RG,
  workspaceName: 'mlw-exempt',
  inboundPrivateEndpoint: { subnet: SUBNET },
};
const MCSB_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn';
const MCSB_V2_ID =
  '/providers/Microsoft.Management/managementGroups/mg-platform/providers/Microsoft.Authorization/policyAssignments/mcsb-v2';

type Resource = Record<string, unknown>;

function exemptionsOf(
  workspaceProps: Partial<ManagedVnetWorkspaceProps>,
  assignments: () => BenchmarkAssignment[],
): Resource[] {
  const stack = testStack();
  const workspace = new ManagedVnetWorkspace(stack, 'Workspace', { ...PROPS, ...workspaceProps });
  new BenchmarkExemptions(stack, 'Exemptions', { workspace, assignments: assignments() });
  return Object.values(resourcesOfType(synthJson(stack), 'azurerm_resource_policy_exemption')) as Resource[];
}

describe('BenchmarkExemptions', () => {
  test('approved outbound: MCSB exempts the cluster; MCSB v2 the cluster and the workspace, Mitigated', () => {
    const exemptions = exemptionsOf({}, () => [
      BenchmarkAssignment.microsoftCloudSecurityBenchmark(MCSB_ID),
      BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2(MCSB_V2_ID),
    ]);
    expect(
      exemptions.map((e) => [e.policy_assignment_id, e.resource_id, e.policy_definition_reference_ids]),
    ).toEqual(
      expect.arrayContaining([
        [
          MCSB_ID,
          '${azapi_resource.Workspace_ImageBuildCompute_7F25CD49.id}',
          ['azureMachineLearningComputesShouldBeInAVirtualNetwork'],
        ],
        [
          MCSB_V2_ID,
          '${azapi_resource.Workspace_ImageBuildCompute_7F25CD49.id}',
          ['azureMachineLearningComputesShouldBeInAVirtualNetwork'],
        ],
        [
          MCSB_V2_ID,
          expect.stringMatching(/^\$\{azapi_resource\.Workspace_[0-9A-F]{8}\.id\}$/),
          ['MLAIStudioAllowOnlyApprovedOutboundManagedVnetMode'],
        ],
      ]),
    );
    expect(exemptions).toHaveLength(3);
    for (const e of exemptions) {
      expect(e).toMatchObject({ exemption_category: 'Mitigated' });
      expect(e.count).toBeUndefined();
      expect(String(e.name)).toMatch(/^contradicts-network-isolation-mcsb(-v2)?-[0-9a-f]{8}$/);
      expect(String(e.description).length).toBeGreaterThan(40);
    }
    // Names are unique per resource.
    const keys = exemptions.map((e) => `${String(e.resource_id)} ${String(e.name)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('internet outbound is not exempted from approved outbound; an existing compute is not exempted at all', () => {
    const internet = exemptionsOf({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND }, () => [
      BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2(MCSB_V2_ID),
    ]);
    expect(internet.map((e) => e.policy_definition_reference_ids)).toEqual([
      ['azureMachineLearningComputesShouldBeInAVirtualNetwork'],
    ]);
    const existing = exemptionsOf({ imageBuildCompute: ImageBuildCompute.existing('my-cluster') }, () => [
      BenchmarkAssignment.microsoftCloudSecurityBenchmark(MCSB_ID),
    ]);
    expect(existing).toEqual([]);
  });

  test('a token id: created only when it is not empty', () => {
    const stack = testStack();
    const workspace = new ManagedVnetWorkspace(stack, 'Workspace', PROPS);
    const id = new TerraformVariable(stack, 'mcsb', { type: 'string', default: '' });
    new BenchmarkExemptions(stack, 'Exemptions', {
      workspace,
      assignments: [BenchmarkAssignment.microsoftCloudSecurityBenchmark(id.stringValue)],
    });
    const [exemption] = Object.values(resourcesOfType(synthJson(stack), 'azurerm_resource_policy_exemption'));
    expect(exemption).toMatchObject({
      policy_assignment_id: '${var.mcsb}',
      count: '${signum(length(var.mcsb))}',
    });
  });

  test("another resource's id: no count (a count must be known at plan, and that id is never empty)", () => {
    const stack = testStack();
    const workspace = new ManagedVnetWorkspace(stack, 'Workspace', PROPS);
    const assignment = new SubscriptionPolicyAssignment(stack, 'Mcsb', {
      name: 'mcsb',
      subscriptionId: '/subscriptions/00000000-0000-0000-0000-000000000001',
      policyDefinitionId:
        '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8',
    });
    new BenchmarkExemptions(stack, 'Exemptions', {
      workspace,
      assignments: [BenchmarkAssignment.microsoftCloudSecurityBenchmark(assignment.id)],
    });
    const [exemption] = Object.values(resourcesOfType(synthJson(stack), 'azurerm_resource_policy_exemption'));
    expect(exemption.policy_assignment_id).toBe('${azurerm_subscription_policy_assignment.Mcsb.id}');
    expect(exemption.count).toBeUndefined();
  });

  test('SE145 fires for text that is not an assignment id, and passes for ids at every scope', () => {
    const build = (id: string) =>
      reported((stack) => {
        const workspace = new ManagedVnetWorkspace(stack, 'Workspace', PROPS);
        new BenchmarkExemptions(stack, 'Exemptions', {
          workspace,
          assignments: [BenchmarkAssignment.microsoftCloudSecurityBenchmark(id)],
        });
      });
    expect(build('SecurityCenterBuiltIn')).toEqual([
      expect.stringMatching(
        /^\[SE145\] test\/Exemptions: benchmark assignment id 'SecurityCenterBuiltIn' is not a policy assignment id/,
      ),
    ]);
    expect(build(`${MCSB_ID}/extra`)).toHaveLength(1);
    expect(build(MCSB_ID)).toEqual([]);
    expect(build(MCSB_V2_ID)).toEqual([]);
    expect(build(MCSB_ID.toLowerCase())).toEqual([]);
  });

  test('SE146 fires for one initiative twice, and passes for the two initiatives', () => {
    const build = (assignments: () => BenchmarkAssignment[]) =>
      reported((stack) => {
        const workspace = new ManagedVnetWorkspace(stack, 'Workspace', PROPS);
        new BenchmarkExemptions(stack, 'Exemptions', { workspace, assignments: assignments() });
      });
    expect(
      build(() => [
        BenchmarkAssignment.microsoftCloudSecurityBenchmark(MCSB_ID),
        BenchmarkAssignment.microsoftCloudSecurityBenchmark(
          MCSB_ID.replace('SecurityCenterBuiltIn', 'other'),
        ),
      ]),
    ).toEqual([
      expect.stringMatching(/^\[SE146\] test\/Exemptions: Microsoft cloud security benchmark is given twice/),
    ]);
    expect(
      build(() => [
        BenchmarkAssignment.microsoftCloudSecurityBenchmark(MCSB_ID),
        BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2(MCSB_V2_ID),
      ]),
    ).toEqual([]);
  });

  test('no assignment is refused: there would be nothing to exempt from', () => {
    expect(
      reported((stack) => {
        const workspace = new ManagedVnetWorkspace(stack, 'Workspace', PROPS);
        new BenchmarkExemptions(stack, 'Exemptions', { workspace, assignments: [] });
      }),
    ).toEqual([expect.stringMatching(/^\[SE001\] test\/Exemptions: assignments is an empty list/)]);
  });

  test('the initiative of an assignment', () => {
    expect(BenchmarkAssignment.microsoftCloudSecurityBenchmark(MCSB_ID).initiativeId).toBe(
      '1f3afdf9-d0c9-4c3d-847f-89da613e70a8',
    );
    expect(BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2(MCSB_V2_ID).initiativeId).toBe(
      'e3ec7e09-768c-4b64-882c-fcada3772047',
    );
  });
});
