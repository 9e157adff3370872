/** Ids handed to azurerm in the casing its case-sensitive parsers need; ARM and azapi get them as given. */
import { TerraformVariable } from 'cdktf';
import { ARM_TYPES, canonicalArmId } from '../../src/checks';
import { EndpointLogs } from '../../src/endpoint';
import { resourcesOfType, synthJson, testStack } from '../support/synth';
import { endpointOn } from '../endpoint/helpers';

const SUB = '00000000-0000-0000-0000-000000000001';
const AS_THE_CLI_PRINTS = `/subscriptions/${SUB}/resourcegroups/RG-Logs/providers/microsoft.operationalinsights/workspaces/Log-Data`;
const CANONICAL = `/subscriptions/${SUB}/resourceGroups/RG-Logs/providers/Microsoft.OperationalInsights/workspaces/Log-Data`;

test('the fixed segments are rewritten, the names and subscription kept', () => {
  expect(canonicalArmId(AS_THE_CLI_PRINTS, ARM_TYPES.LOG_ANALYTICS_WORKSPACE)).toBe(CANONICAL);
  expect(canonicalArmId(CANONICAL, ARM_TYPES.LOG_ANALYTICS_WORKSPACE)).toBe(CANONICAL);
  expect(
    canonicalArmId(
      `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/rg-net/PROVIDERS/MICROSOFT.NETWORK/VIRTUALNETWORKS/vnet/SUBNETS/pe`,
      ARM_TYPES.SUBNET,
    ),
  ).toBe(
    `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`,
  );
  expect(canonicalArmId(`/subscriptions/${SUB}/resourcegroups/rg`, ARM_TYPES.RESOURCE_GROUP)).toBe(
    `/subscriptions/${SUB}/resourceGroups/rg`,
  );
});

test('text of another type, and an expression, are returned as they are (their readers judge them)', () => {
  expect(canonicalArmId(AS_THE_CLI_PRINTS, ARM_TYPES.STORAGE_ACCOUNT)).toBe(AS_THE_CLI_PRINTS);
  const stack = testStack();
  const id = new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
  expect(canonicalArmId(id, ARM_TYPES.LOG_ANALYTICS_WORKSPACE)).toBe(id);
  expect(canonicalArmId(undefined, ARM_TYPES.LOG_ANALYTICS_WORKSPACE)).toBeUndefined();
});

test('a Log Analytics id as the CLI prints it reaches the diagnostic setting in canonical casing', () => {
  const stack = testStack();
  endpointOn(stack, {}, { logs: EndpointLogs.toLogAnalytics({ id: AS_THE_CLI_PRINTS }) });
  const [setting] = Object.values(
    resourcesOfType(synthJson(stack), 'azurerm_monitor_diagnostic_setting'),
  ) as Array<{
    log_analytics_workspace_id: string;
  }>;
  expect(setting.log_analytics_workspace_id).toBe(CANONICAL);
});
