import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { addPlanTimeCheck } from './arm-id';
import { isKnown } from './configuration-error';
import { problemsOf } from './validation';

/**
 * A fact about an object the user brings (an azurerm resource of their own) that decides whether Azure accepts
 * the configuration: a storage account's tier, a region. It is read from the attribute the object was configured
 * with (`accountTierInput`), as the registry SKU and Key Vault network-rule checks read theirs:
 * - a literal is judged at synth: refused with `code` when `refuses` says so;
 * - a Terraform expression (a variable, another resource's attribute) is judged at plan time: a
 *   `lifecycle.precondition` on the construct's main resource, with the same code and message;
 * - left unset (`{ id }` only), it is unknown and nothing is checked.
 */
export interface BroughtFact<T> {
  /** The attribute as configured, a Terraform expression, or undefined when the object does not say. */
  readonly value: T | undefined;
  /** The prop and attribute, for messages: `storageAccount.accountTierInput`. */
  readonly attribute: string;
  /** True when a known value is refused. */
  readonly refuses: (value: T) => boolean;
  /** The Terraform condition (text) that an expression's value is accepted. */
  readonly accepts: (expression: T) => unknown;
  readonly code: string;
  /** Why Azure refuses it and how to fix it, after `<attribute> is <value>: `. */
  readonly why: string;
}

/** Judges one fact: at synth when known, at plan time (a precondition on `scope`'s resource) when an expression. */
export function checkBroughtFact<T>(scope: IConstruct, fact: BroughtFact<T>): void {
  const { value } = fact;
  if (value === undefined || value === null) return;
  if (isKnown(value)) {
    if (fact.refuses(value)) {
      problemsOf(scope).report(fact.code, `${fact.attribute} is ${shown(value)}: ${fact.why}`);
    }
    return;
  }
  addPlanTimeCheck(scope, {
    condition: Token.asString(fact.accepts(value)),
    // The expression in the message is the one the user wrote: Terraform shows its value.
    errorMessage: `${fact.code} at ${scope.node.path}: ${fact.attribute} is ${shown(value)}: ${fact.why}.`,
  });
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
