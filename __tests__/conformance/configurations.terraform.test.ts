/**
 * Every documented workspace and endpoint configuration, whole, through real `terraform validate` (run by
 * `npm run validate:terraform`, not by `npm test`): their unit tests snapshot only the part each is about, so the
 * azurerm side of every whole stack is checked here, and the azapi bodies by the conformance checks.
 */
import { ENDPOINT_CONFIGURATIONS } from '../endpoint/configurations';
import { testStack } from '../support/synth';
import { describeTerraformValidation } from '../support/terraform-validate';
import { WORKSPACE_CONFIGURATIONS } from '../workspace/configurations';

describeTerraformValidation(
  'terraform validate: documented workspace and endpoint configurations',
  Object.fromEntries(
    [...WORKSPACE_CONFIGURATIONS, ...ENDPOINT_CONFIGURATIONS].map((c) => [
      c.title,
      () => {
        const stack = testStack();
        c.build(stack);
        return stack;
      },
    ]),
  ),
);
