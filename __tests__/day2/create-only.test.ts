/**
 * Properties Azure sets only when a resource is created, refused at plan (SE240 to SE244): one table
 * (`src/arm/create-only.ts`) and one guard (`src/core/create-only-guard.ts`). Each refused row has a refusal on
 * the resource it belongs to, reading the live value by an id built from names (so at plan time), comparing it
 * with the code's value, and naming the change, the reason and the way out. Whether each refusal fires on a
 * changed live value and passes on an unchanged, absent or not-yet-created one is evaluated by real Terraform
 * in `create-only.terraform.test.ts`; `npm run test:rollout` (`endpoint-identity`) refuses on live state.
 */
import { CREATE_ONLY_PROPERTIES, createOnlyProperties } from '../../src/arm/create-only';
import { CHECK_CODES } from '../../src/checks';
import { IsolationMode } from '../../src/workspace';
import { createOnlyValues } from '../../src/deployment/replacement';
import { dataOfType, SynthesizedStack } from '../support/synth';
import { guardedStack, refusalOf, REFUSED_ROWS } from './create-only-guard';

/** The live read a condition names, as Terraform JSON holds it. */
function liveRead(json: SynthesizedStack, condition: string): Record<string, unknown> {
  const name = /data\.azapi_resource\.(\w+_LiveCreateOnly_[0-9A-F]{8})\.exists/.exec(condition)?.[1];
  if (name === undefined) throw new Error(`no live read in ${condition}`);
  return dataOfType(json, 'azapi_resource')[name];
}

describe('create-only properties refused at plan', () => {
  test('every refused row has its own code, listed with the checks; the other rows have none', () => {
    const codes = REFUSED_ROWS.map((row) => row.code);
    expect(codes).toEqual(['SE240', 'SE241', 'SE242', 'SE243', 'SE244']);
    for (const code of codes) expect(CHECK_CODES.map((c) => c.code)).toContain(code);
    for (const row of CREATE_ONLY_PROPERTIES.filter((r) => r.handling !== 'refuse')) {
      expect(row.code).toBeUndefined();
    }
    // The texts end up in Terraform error messages, which the HCL form writes between double quotes.
    for (const row of CREATE_ONLY_PROPERTIES) expect(`${row.why} ${row.wayOut}`).not.toContain('"');
  });

  test.each(REFUSED_ROWS.map((row) => [row.code, row] as const))(
    '%s: a refusal on the resource, reading the live value at plan time',
    (_code, row) => {
      const json = guardedStack();
      const { address, precondition } = refusalOf(json, row);
      expect(address).toMatch(
        row.resourceType === 'workspaces' ? /^azapi_resource\.Workspace_/ : /^azapi_resource\.Endpoint_/,
      );
      const read = liveRead(json, precondition.condition);
      // By an id built from names: a reference to the resource itself would defer the read to the apply.
      expect(String(read.resource_id)).not.toContain(address);
      expect(read.ignore_not_found).toBe(true);
      expect(Object.values(read.response_export_values as Record<string, string>)).toContain(row.path);
      // Judged only when the resource exists and reports the value.
      expect(precondition.condition).toMatch(/^\$\{!\(try\(data\.azapi_resource\.\w+\.exists && /);
      // The message: the code, the change, why, nothing changed, the way out.
      expect(precondition.error_message).toContain(`${row.code}: `);
      expect(precondition.error_message).toContain(` ${row.prop} changes from '\${`);
      expect(precondition.error_message).toContain(row.why);
      expect(precondition.error_message).toContain('Nothing was changed. The way out: ');
      expect(precondition.error_message).toContain(row.wayOut);
    },
  );

  test('SE240/SE241: the endpoint identity compared is the one the code declares', () => {
    const system = guardedStack();
    const user = guardedStack({ identity: 'user' });
    const [type, ids] = REFUSED_ROWS.filter((r) => r.resourceType === 'workspaces/onlineEndpoints');
    expect(refusalOf(system, type).precondition.condition).toContain('== lower("SystemAssigned")');
    expect(refusalOf(user, type).precondition.condition).toContain('== lower("UserAssigned")');
    // The user-assigned identity's id is a reference, compared as the expression it is.
    expect(refusalOf(system, ids).precondition.condition).toContain('[for k in [] : lower(k)]');
    expect(refusalOf(user, ids).precondition.condition).toMatch(
      /\[for k in \[azurerm_user_assigned_identity\.Uami\w*\.id\] : lower\(k\)\]/,
    );
    expect(refusalOf(user, type).precondition.error_message).toContain("to 'UserAssigned': ");
  });

  test('SE242/SE243: the storage account and Key Vault ids are compared as Terraform expressions', () => {
    const json = guardedStack();
    const [storage, vault] = REFUSED_ROWS.filter(
      (r) => r.path.startsWith('properties.') && r.code !== 'SE244',
    );
    expect(refusalOf(json, storage).precondition.condition).toMatch(
      /== lower\(azurerm_storage_account\.\w+\.id\)\}$/,
    );
    expect(refusalOf(json, vault).precondition.condition).toMatch(
      /== lower\(azurerm_key_vault\.\w+\.id\)\}$/,
    );
  });

  test('SE244: only the changes every source agrees Azure refuses (to Disabled), not a move between the managed modes', () => {
    const row = REFUSED_ROWS.find((r) => r.code === 'SE244');
    if (row === undefined) throw new Error('no SE244 row');
    const { condition } = refusalOf(
      guardedStack({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND }),
      row,
    ).precondition;
    expect(condition).toContain(
      '!contains(["allowinternetoutbound>disabled", "allowonlyapprovedoutbound>disabled"]',
    );
    expect(condition).toContain('>${lower("AllowInternetOutbound")}")');
  });

  test("the deployment's replacement guard and the image-build compute read their rows from the table", () => {
    expect(
      createOnlyProperties('workspaces/onlineEndpoints/deployments', 'recreate-when-idle').map((r) => r.path),
    ).toEqual(['properties.instanceType', 'properties.egressPublicNetworkAccess']);
    expect(
      createOnlyValues({
        endpointComputeType: 'Managed',
        instanceType: 'Standard_DS3_v2',
        egressPublicNetworkAccess: 'Disabled',
      } as Parameters<typeof createOnlyValues>[0]),
    ).toEqual({ instanceType: 'Standard_DS3_v2', egressPublicNetworkAccess: 'Disabled' });
    // In the order earlier releases wrote: a reordered list would update the compute.
    expect(createOnlyProperties('workspaces/computes', 'replace').map((r) => r.path)).toEqual([
      'properties.properties.vmSize',
      'properties.properties.vmPriority',
      'properties.properties.osType',
      'properties.properties.enableNodePublicIp',
      // A trigger only when the code sets it (unset, it follows the live cluster): last in the list.
      'properties.disableLocalAuth',
    ]);
  });
});
