/**
 * What the create-only tests share: stacks whose workspace and endpoint carry the plan-time refusals of
 * `src/core/create-only-guard.ts`, and the refusal of one table row found in a synthesized stack.
 */
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { CREATE_ONLY_PROPERTIES, CreateOnlyProperty } from '../../src/arm/create-only';
import { EndpointIdentity } from '../../src/endpoint';
import { IsolationMode } from '../../src/workspace';
import { howToStack } from '../endpoint/how-to-stack';
import { resourcesOfType, SynthesizedStack, synthJson } from '../support/synth';

/** The rows refused at plan, each with its code. */
export const REFUSED_ROWS: readonly CreateOnlyProperty[] = CREATE_ONLY_PROPERTIES.filter(
  (row) => row.handling === 'refuse',
);

/** The how-to stack, with a user-assigned endpoint identity or another isolation mode when asked. */
export function guardedStack(
  options: { identity?: 'user'; isolationMode?: IsolationMode } = {},
): SynthesizedStack {
  const { stack } = howToStack(
    options.isolationMode ? { isolationMode: options.isolationMode } : {},
    {},
    options.identity === 'user'
      ? (s) => ({
          identity: EndpointIdentity.userAssigned(
            new UserAssignedIdentity(s, 'Uami', {
              name: 'id-ep',
              location: 'westeurope',
              resourceGroupName: 'rg-ml',
            }),
          ),
        })
      : undefined,
  );
  return synthJson(stack);
}

/** One precondition of a resource's lifecycle, as Terraform JSON holds it. */
export interface SynthesizedPrecondition {
  readonly condition: string;
  readonly error_message: string;
}

/** The refusal of `row` (the precondition whose message starts with its code) and the resource holding it. */
export function refusalOf(
  json: SynthesizedStack,
  row: CreateOnlyProperty,
): { readonly address: string; readonly precondition: SynthesizedPrecondition } {
  const found: { address: string; precondition: SynthesizedPrecondition }[] = [];
  for (const [name, resource] of Object.entries(resourcesOfType(json, 'azapi_resource'))) {
    const lifecycle = resource.lifecycle as { precondition?: SynthesizedPrecondition[] } | undefined;
    for (const precondition of lifecycle?.precondition ?? []) {
      if (precondition.error_message.startsWith(`${row.code}: `)) {
        found.push({ address: `azapi_resource.${name}`, precondition });
      }
    }
  }
  if (found.length !== 1) throw new Error(`expected one refusal ${row.code}, found ${found.length}`);
  return found[0];
}
