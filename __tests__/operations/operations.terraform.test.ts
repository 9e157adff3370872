/**
 * Every documented operations configuration through real `terraform validate` with azapi 2.12.0 and azurerm
 * 4.55.0 from the offline mirror (../shared/terraform-providers): azurerm arguments and blocks against the
 * provider schema, azapi bodies against the embedded Azure types, references, `depends_on` and the
 * `lifecycle.postcondition` blocks of the workspace verification. Skipped with a notice when Terraform is
 * unavailable.
 */
import { TerraformStack } from 'cdktf';
import { InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { testStack } from '../support/synth';
import { terraformEnvironment, terraformValidateAll } from '../support/terraform-validate';
import { SUB } from '../workspace/fixtures';
import { buildConfiguration, OPERATIONS_CONFIGURATIONS } from './configurations';

/**
 * The existing-workspace constructs alone, as `cdktf synth --hcl` writes them: cdktf renders data-source
 * lifecycles wrongly unless the binding fixes them up. (Alone: the HCL of a stack with a deployment is refused
 * for another reason, cdktf's quoted `replace_triggered_by` entries.)
 */
const HCL_CONFIGURATIONS: Record<string, () => TerraformStack> = {
  'imported workspace verified at plan time (HCL)': () => {
    const stack = testStack();
    const ws = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Workspace', {
      workspaceName: 'mlw-existing',
      resourceGroupName: 'rg-ml',
      subscriptionId: SUB,
      location: 'westeurope',
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
    });
    ws.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    return stack;
  },
  'managed network enabled on an existing workspace (HCL)': () => {
    const stack = testStack();
    const ws = ManagedVnetWorkspace.enableManagedNetwork(stack, 'Workspace', {
      workspaceName: 'mlw-legacy',
      resourceGroupName: 'rg-ml',
      subscriptionId: SUB,
      location: 'westeurope',
    });
    ws.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    return stack;
  },
};

const env = terraformEnvironment();
const describeWithTerraform = env === null ? describe.skip : describe;
if (env === null) process.stdout.write('[terraform] real validation unavailable (terraform or xz missing)\n');

describeWithTerraform('terraform validate (real providers)', () => {
  let diagnostics: { [name: string]: string[] } = {};

  const HCL = Object.keys(HCL_CONFIGURATIONS);

  beforeAll(() => {
    const stacks = Object.fromEntries(
      OPERATIONS_CONFIGURATIONS.map((c) => [c.title, buildConfiguration(c.title)]),
    );
    for (const name of HCL) stacks[name] = HCL_CONFIGURATIONS[name]();
    diagnostics = terraformValidateAll(stacks, env!, { hcl: HCL });
  }, 300_000);

  test('nothing outside the configurations is reported', () => {
    expect(diagnostics['(root)'] ?? []).toEqual([]);
  });

  test.each([...OPERATIONS_CONFIGURATIONS.map((c) => c.title), ...HCL])('%s', (name) => {
    expect(diagnostics[name]).toEqual([]);
  });
});
