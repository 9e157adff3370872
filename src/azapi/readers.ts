/**
 * How the azapi bindings read their arguments (checks/read.ts). As in cdktf-generated bindings, every value may be
 * a Terraform expression and is passed through; a value or token of the wrong kind is refused. Each binding
 * declares its config's schema as a constant next to the config, with `defineConfig`. The resource bindings are
 * internal: their setters assign what the constructs give them, already read; only the public provider's setters
 * read a new value with the reader its constructor uses (`readArgument`). Not part of the API.
 */
import { IConstruct } from 'constructs';
import {
  body,
  bool,
  defineProps,
  list,
  num,
  object,
  PropsSchema,
  readParams,
  Schema,
  schemaName,
  SchemaOf,
  text,
} from '../checks/read';
import { ConfigurationError, problemsOf } from '../checks';
import type { AzapiRetry, AzapiTimeouts } from './common';

export const EXPR = { tokens: 'expression' } as const;
export const TEXT = text(EXPR);
export const REQUIRED_TEXT = text({ ...EXPR, optional: false });
export const FLAG = bool(EXPR);
export const TEXTS = list(text({ ...EXPR, optional: false }), EXPR);
export const EXPORT_VALUES = body({ lists: true });

export const RETRY = object(
  'AzapiRetry',
  defineProps<AzapiRetry>('AzapiRetry', {
    errorMessageRegex: list(text({ ...EXPR, optional: false }), { ...EXPR, optional: false }),
    intervalSeconds: num(EXPR),
    maxIntervalSeconds: num(EXPR),
  }),
);
export const TIMEOUTS = object(
  'AzapiTimeouts',
  defineProps<AzapiTimeouts>('AzapiTimeouts', { create: TEXT, read: TEXT, update: TEXT, delete: TEXT }),
);

/** The readers of the arguments every azapi resource kind shares (`AzapiResourceBaseConfig`). */
export const BASE_ARGUMENTS = {
  type: REQUIRED_TEXT,
  body: body(),
  responseExportValues: EXPORT_VALUES,
  locks: TEXTS,
  retry: RETRY,
  timeouts: TIMEOUTS,
} as const;

/** A config without Terraform's meta-arguments, which cdktf reads itself. */
export type OwnProps<C> = Omit<
  C,
  'dependsOn' | 'count' | 'provider' | 'lifecycle' | 'forEach' | 'provisioners' | 'connection'
>;

/**
 * The schema of a binding's config (`defineProps`). Its setters read a new value with the same reader
 * (`readArgument`): a value the constructor refuses is refused after construction too.
 */
export function defineConfig<P>(name: string, schema: SchemaOf<P>): PropsSchema<P> {
  return defineProps<P>(name, schema);
}

/** Reads a value given to a setter with the reader the constructor uses for that argument (`defineConfig`). */
export function readArgument<T>(scope: IConstruct, config: Schema, argument: string, value: T): T {
  const one = defineProps<Record<string, unknown>>(`${schemaName(config) ?? 'config'}.${argument}`, {
    [argument]: config[argument],
  });
  return readParams(scope, one, { [argument]: value })[argument] as T;
}

/**
 * Requires a target azapi can find: `resourceId`, or both `name` and `parentId`. Checked now, and again when the
 * stack is validated, since the arguments have setters. `binding` says what needs it (`azapi data source 'Live'`),
 * `use` what it does with the resource (`read`).
 */
export function requireTarget(
  scope: IConstruct,
  target: () => { resourceId?: string; name?: string; parentId?: string },
  binding: string,
  use: string,
): void {
  const missing = (): boolean => {
    const { resourceId, name, parentId } = target();
    return resourceId === undefined && (name === undefined || parentId === undefined);
  };
  const message =
    `resourceId is not set (nor name and parentId): ${binding} needs the ARM id of the resource to ${use}; ` +
    `set resourceId, or both name and parentId`;
  if (missing()) throw new ConfigurationError('SE001', message, scope.node.path);
  problemsOf(scope).addRule(() => (missing() ? [new ConfigurationError('SE001', message)] : []));
}
