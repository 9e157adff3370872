import { DefaultTokenResolver, StringConcat, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/** The Terraform expression a token stands for in `scope`'s stack (`${var.name}`), or undefined. */
export function expressionOf(scope: IConstruct, value: unknown): string | undefined {
  try {
    const resolver = new DefaultTokenResolver(new StringConcat());
    const resolved: unknown = Tokenization.resolve(value, { scope, resolver, preparing: false });
    return typeof resolved === 'string' ? resolved : undefined;
  } catch {
    return undefined;
  }
}

/** A number in text: a number token's stand-in is a huge negative double (`-1.8881545897087626e+289`). */
const NUMBER_IN_TEXT = /-?\d+(?:\.\d+)?e[+-]\d+/gi;

/**
 * A message as the user reads it: every token it holds written as the Terraform expression it stands for in
 * `scope`'s stack (`'${var.deployment_name}'`), never as the framework's stand-in (`${TfToken[TOKEN.12]}`, a
 * number like `-1.888e+289`). A message that cannot be resolved here is kept as it is.
 */
export function withExpressions(scope: IConstruct, message: string): string {
  const numbers = message.replace(NUMBER_IN_TEXT, (text) => {
    const token = Tokenization.reverseNumber(Number(text));
    if (token === undefined) return text;
    return expressionOf(scope, token) ?? text;
  });
  if (!Token.isUnresolved(numbers)) return numbers;
  return expressionOf(scope, numbers) ?? numbers;
}
