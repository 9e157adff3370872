import { IConstruct } from 'constructs';
import { TerraformProvider, TerraformStack, Token, Tokenization } from 'cdktf';
import { ConfigurationError, Problems } from './configuration-error';
import { ClassOf } from './types';
import { ArmResourceType } from './arm-id';
import { Catalog } from './catalog';
import { ConstructProblems, problemsOf } from './validation';
import { carriedProblems, carryProblems } from './carried';
import { withExpressions } from './expressions';

/**
 * What a Terraform token (a variable, a reference to another resource) given for a prop means:
 * - `expression`: it is passed through as a Terraform expression (a condition, arithmetic, a precondition decides
 *   at plan time); no synth-time check reads its stand-in value;
 * - `refuse`: the prop decides something at synth time that Terraform cannot (which resources exist, a name
 *   other names are derived from), so a token is refused (SE006) with the way out in the message.
 * - `unknown`: the value only informs synth-time checks (a brought registry's SKU as configured), which skip a
 *   token as unknown; it is sent nowhere.
 * Kinds that have no token form (an instance of one of this library's classes, a construct) say `never`.
 */
export type TokenUse = 'expression' | 'refuse' | 'unknown' | 'never';

/**
 * The kinds of value a prop can take. The API-generated test feeds each kind its own cases; `arm-id` and `tags`
 * have their own readers (the resource type an id must name, Azure's tag limits).
 */
export type ValueKind =
  | 'boolean'
  | 'whole'
  | 'number'
  | 'enum'
  | 'name'
  | 'duration'
  | 'text'
  | 'object'
  | 'record'
  | 'list'
  | 'arm-id'
  | 'tags'
  | 'reference'
  | 'construct'
  | 'class'
  | 'provider'
  | 'dependables'
  | 'body';

/**
 * What a reader made of a value: the value to build from, or the refusal when nothing can be built from it (a
 * value of the wrong kind, a token refused). A verdict, not an exception: the caller decides what a refusal
 * means (an optional prop reads as unset, a required one stops the constructor).
 */
export type Verdict<T> =
  | { readonly value: T; readonly refused?: undefined }
  | { readonly value?: undefined; readonly refused: ConfigurationError };

/**
 * How one prop is read: its kind, what a token means for it, whether it may be left out, and the function that
 * checks a value. `read` returns the refusal when nothing can be built from the value, and adds to `problems`
 * what is wrong with a value that can still be used (a name Azure would refuse, a number out of range), so that
 * construction goes on and every problem is listed.
 */
export interface Reader<T = unknown> {
  readonly kind: ValueKind;
  readonly tokens: TokenUse;
  readonly optional: boolean;
  /** The fields of an object, options or reference reader. @default none */
  readonly fields?: Schema;
  /** The schema name of `fields` (the interface), for messages and the API walk. @default none */
  readonly schemaName?: string;
  /** For `arm-id` readers: the resource type the id must name, when the reader checks it. @default any */
  readonly resourceType?: string;
  /** For `enum` and `class` readers: the class whose instances are accepted. @default none */
  readonly classOf?: ClassOf;
  /** For `whole` readers: the smallest value. @default none */
  readonly min?: number;
  /** For `whole` readers: the largest value. @default none */
  readonly max?: number;
  /** For `list` and `record` readers: the reader of each element. @default none */
  readonly element?: Reader;
  read(value: unknown, prop: string, problems: ConfigurationError[]): Verdict<T>;
}

/** The readers of every field of an interface (a props interface, an options interface, a reference). */
export type Schema = { readonly [field: string]: Reader };

/** A schema that names a reader for every field of `P`, so a prop added to `P` without one does not compile. */
export type SchemaOf<P> = { readonly [K in keyof Required<P>]-?: Reader };

// The name of a schema (its interface, or `Class.factory` / `Class#method` for parameters), held on the schema
// object itself, not enumerable: spreading a schema into another makes a new one, named again by defineProps.
const NAME = Symbol('schema name');

/**
 * The schema of an interface `P`, as `defineProps` returns it: a reader for every field of `P`, and the
 * interface's name for messages and the API-generated test. Passed by reference to `readProps`/`readParams`.
 */
export type PropsSchema<P> = SchemaOf<P> & { readonly [NAME]: string };

/**
 * The schema of an interface (`ManagedVnetWorkspaceProps`), or of a factory's or method's parameters
 * (`Model.fromLocalPath`, `SecureOnlineEndpointBase#routeTraffic`), declared as a constant next to it: the
 * schema's type requires a reader for every prop of `P`, so a prop added without one does not compile, and the
 * reader says where the prop is declared what a Terraform token means for it. Nothing is recorded anywhere: the
 * constructor passes the constant to `readProps`, and the API-generated test finds it among the modules'
 * exports by its name.
 */
export function defineProps<P>(name: string, schema: SchemaOf<P>): PropsSchema<P> {
  return Object.defineProperty({ ...schema }, NAME, { value: name, enumerable: false }) as PropsSchema<P>;
}

/** The name `defineProps` gave a schema, or undefined for a plain map of readers. */
export function schemaName(schema: object): string | undefined {
  return (schema as { [NAME]?: string })[NAME];
}

/** True for a schema made by `defineProps`. */
export function isPropsSchema(value: unknown): value is PropsSchema<object> {
  return typeof value === 'object' && value !== null && typeof schemaName(value) === 'string';
}

/** The form of a Terraform token: a text token, a number token, a list token, or an opaque resolvable. */
export type TokenForm = 'text' | 'number' | 'list' | 'resolvable';

/** The form of `value` when it is an unresolved Terraform token, else undefined. */
export function tokenForm(value: unknown): TokenForm | undefined {
  if (typeof value === 'string') return Token.isUnresolved(value) ? 'text' : undefined;
  if (typeof value === 'number') return Token.isUnresolved(value) ? 'number' : undefined;
  if (Array.isArray(value)) return Token.isUnresolved(value) ? 'list' : undefined;
  if (typeof value === 'object' && value !== null && Tokenization.isResolvable(value)) return 'resolvable';
  return undefined;
}

const TOKEN_FORM_NAMES: Record<TokenForm, string> = {
  text: 'a Terraform text expression',
  number: 'a Terraform number expression',
  list: 'a Terraform list expression',
  resolvable: 'a Terraform expression (Token.asAny, a variable value)',
};

/** A value as a message shows it: text quoted, tokens by their form (their stand-in means nothing). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string' && LIST_ELEMENT_MARKER.test(value)) return 'an element of a Terraform list';
  const form = tokenForm(value);
  if (form !== undefined) return TOKEN_FORM_NAMES[form];
  if (value === null) return 'null';
  if (value === undefined) return 'not set';
  if (typeof value === 'string')
    return `the text '${value.length > 80 ? `${value.slice(0, 77)}...` : value}'`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name !== undefined && name !== 'Object' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'function') return 'a function';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * cdktf writes a list token's element taken with `[i]` (`variable.listValue[0]`) as a marker it cannot resolve
 * in text; the framework stops at synth with an error that names neither prop nor fix. Found here, in every
 * reader, so every text prop and map value refuses it by name.
 */
const LIST_ELEMENT_MARKER = /#\{TfToken\[/;

/** SE450 for a list token's element used as text, or undefined. */
export function listElementError(prop: string, value: unknown): ConfigurationError | undefined {
  if (typeof value !== 'string' || !LIST_ELEMENT_MARKER.test(value)) return undefined;
  return new ConfigurationError(
    'SE450',
    `${prop} is an element of a Terraform list taken with [i] (such as variable.listValue[0]): cdktf cannot ` +
      `write it as text; take the element with Fn.element(variable.listValue, 0), or use a string variable`,
  );
}

/** SE006 for a Terraform expression as a key of a map whose keys are checked at synth, or undefined. */
function recordKeyError(
  prop: string,
  key: string,
  keys: 'expression' | 'refuse',
): ConfigurationError | undefined {
  const element = listElementError(`a key of ${prop}`, key);
  if (element !== undefined) return element;
  if (keys === 'expression' || !Token.isUnresolved(key)) return undefined;
  return new ConfigurationError(
    'SE006',
    `a key of ${prop} is a Terraform text expression, but the keys must be known when the stack is ` +
      `synthesized: each names something checked at synth; write the keys as literal text (an app can read ` +
      `them from an environment variable) and give the values as expressions`,
  );
}

function wrongKind(prop: string, value: unknown, wanted: string, optional: boolean): ConfigurationError {
  const form = tokenForm(value);
  if (form !== undefined) {
    return new ConfigurationError(
      'SE007',
      `${prop} is ${TOKEN_FORM_NAMES[form]}, of the wrong kind: it needs ${wanted}; pass a token of that kind ` +
        `(a variable of that type, Token.asNumber / Token.asString / Token.asList)`,
    );
  }
  return new ConfigurationError(
    'SE001',
    `${prop} is ${describeValue(value)}: give ${wanted}${optional ? ', or leave it unset' : ''}`,
  );
}

function tokenRefused(prop: string, value: unknown, why: string): ConfigurationError {
  return new ConfigurationError(
    'SE006',
    `${prop} is ${describeValue(value)}, but it must be known when the stack is synthesized: ${why}; give a ` +
      `literal value (for example from an environment variable read by the app), not a Terraform variable`,
  );
}

interface Common {
  /** What a token means (see TokenUse): every prop says it where it is read. */
  readonly tokens: 'expression' | 'refuse' | 'unknown';
  /** Why a token is refused, for the message. @default 'the construct decides with it at synth time' */
  readonly why?: string;
}

/** Base of the readers: handles `undefined`, then the kind and the token, then the value. */
function reader<T>(
  spec: Omit<Reader<T>, 'read' | 'optional'> & {
    readonly wanted: string;
    /** True for a value of the right kind (literal); tokens are judged by `tokenForms`. */
    readonly literal: (value: unknown) => boolean;
    /** The token forms that are of the right kind. */
    readonly tokenForms: readonly TokenForm[];
    /** Why a token is refused. @default 'the construct decides with it at synth time' */
    readonly why?: string;
    /**
     * Checks a literal value of the right kind: pushes problems, and returns the refusal of a part nothing can
     * be built from (an element of the wrong kind). @default no check
     */
    readonly value?: (value: T, prop: string, problems: ConfigurationError[]) => ConfigurationError | void;
  },
  optional: boolean,
  missingCode?: string,
  missingFatal = false,
): Reader<T> {
  const { wanted, literal, tokenForms, why, value: checkValue, ...rest } = spec;
  return {
    ...rest,
    optional,
    read(value: unknown, prop: string, problems: ConfigurationError[]): Verdict<T> {
      if (value === undefined) {
        if (optional || (missingCode !== undefined && !missingFatal)) return { value: value as T };
        return {
          refused: new ConfigurationError(
            missingCode ?? 'SE001',
            `${prop} is not set: it is required; give ${wanted}`,
          ),
        };
      }
      const element = listElementError(prop, value);
      if (element !== undefined) return { refused: element };
      const form = tokenForm(value);
      if (form !== undefined) {
        if (!tokenForms.includes(form)) return { refused: wrongKind(prop, value, wanted, optional) };
        if (rest.tokens === 'refuse' || rest.tokens === 'never') {
          return { refused: tokenRefused(prop, value, why ?? 'the construct decides with it at synth time') };
        }
        return { value: value as T };
      }
      const carriedRefusal = reportCarried(value, problems);
      if (carriedRefusal !== undefined) return { refused: carriedRefusal };
      if (!literal(value)) return { refused: wrongKind(prop, value, wanted, optional) };
      const refused = checkValue?.(value as T, prop, problems);
      return refused === undefined ? { value: value as T } : { refused };
    },
  };
}

/**
 * A factory's result carries what was wrong with its parameters (`fromFactory`): the construct that uses it
 * reports them. Nothing usable was built: the first problem refuses the prop.
 */
function reportCarried(value: unknown, problems: ConfigurationError[]): ConfigurationError | undefined {
  const carried = carriedProblems(value);
  if (carried === undefined) return undefined;
  if (!carried.unusable) {
    problems.push(...carried.problems);
    return undefined;
  }
  problems.push(...carried.problems.slice(1));
  return carried.problems[0];
}

/** A required or optional variant of a reader builder. */
type Optionality = {
  /** May be left out. @default depends on the reader (names are required, most others optional) */
  readonly optional?: boolean;
  /**
   * A required value whose absence the construct reports itself, with this rule (SE118, SE115): the reader
   * lets `undefined` through. With `missingFatal`, the reader stops at once with this rule instead.
   * @default none: a missing required value stops at once with SE001
   */
  readonly missingCode?: string;
  /** Nothing can be built without the value: stop at once with `missingCode`. @default false */
  readonly missingFatal?: boolean;
};

/** true or false. A token must be a boolean expression (a `bool` variable's `booleanValue`, `Token.asAny`). */
export function bool(options: Common & Optionality): Reader<boolean> {
  return reader<boolean>(
    {
      kind: 'boolean',
      tokens: options.tokens,
      why: options.why,
      wanted: 'true or false',
      literal: (v) => typeof v === 'boolean',
      tokenForms: ['resolvable'],
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/** A whole number from `min` to `max`; `code` is the rule reported for a value out of range. */
export function whole(
  options: Common &
    Optionality & {
      readonly min: number;
      /** @default no upper bound */
      readonly max?: number;
      readonly code: string;
      /** The unit for messages. @default none */
      readonly unit?: string;
    },
): Reader<number> {
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const range = options.max === undefined ? `at least ${options.min}` : `from ${options.min} to ${max}`;
  return reader<number>(
    {
      kind: 'whole',
      tokens: options.tokens,
      why: options.why,
      min: options.min,
      max,
      wanted: `a whole number ${range}`,
      literal: (v) => typeof v === 'number',
      tokenForms: ['number'],
      value: (v, prop, problems) => {
        if (!Number.isInteger(v) || v < options.min || v > max) {
          problems.push(
            new ConfigurationError(
              options.code,
              `${prop} is ${v}: give a whole number${options.unit ? ` of ${options.unit}` : ''} ${range}`,
            ),
          );
        }
      },
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/** An instance of an enum-like class (`IsolationMode.DISABLED`); text and tokens are refused. */
export function oneOf<T>(classOf: ClassOf, options: Optionality = {}): Reader<T> {
  return reader<T>(
    {
      kind: 'enum',
      tokens: 'never',
      classOf,
      wanted: `${article(classOf.name)} ${classOf.name} (one of its static members, such as ${classOf.name}.${firstStatic(classOf)})`,
      literal: (v) => isInstance(v, classOf),
      tokenForms: [],
      why: `${classOf.name} is chosen at synth time`,
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/** An instance of one of this library's classes made by its factories (`Model.fromLocalPath(...)`). */
export function instanceOf<T>(classOf: ClassOf, options: Optionality = {}): Reader<T> {
  return reader<T>(
    {
      kind: 'class',
      tokens: 'never',
      classOf,
      wanted: `${article(classOf.name)} ${classOf.name} (use its static factories)`,
      literal: (v) => isInstance(v, classOf),
      tokenForms: [],
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/** `a` or `an` before a name. */
function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

function isInstance(value: unknown, classOf: ClassOf): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.isPrototypeOf.call(classOf.prototype, value)
  );
}

function firstStatic(classOf: ClassOf): string {
  const names = Object.getOwnPropertyNames(classOf).filter((n) => n === n.toUpperCase() && /^[A-Z]/.test(n));
  return names[0] ?? '...';
}

/** What the text readers take: what a token means, whether it may be left out, and a check of the value. */
type TextOptions = Common &
  Optionality & {
    /** The rule of the value: returns its problems (none when the value is fine). @default none */
    readonly check?: (value: string, prop: string) => Problems;
    /** What to give, for messages. @default the reader's own words */
    readonly what?: string;
  };

/** The readers of text: the same kind checks and token forms, with their own kind, words and default. */
function textReader(
  kind: 'name' | 'text' | 'duration' | 'arm-id',
  wanted: string,
  options: TextOptions,
  optional: boolean,
  extra: {
    /** For ARM ids: the resource type named. @default any */
    readonly resourceType?: string;
    /** A check of the form before `check` (a duration's syntax): the problem, or undefined. @default none */
    readonly first?: (value: string, prop: string) => string | undefined;
  } = {},
): Reader<string> {
  return reader<string>(
    {
      kind,
      tokens: options.tokens,
      why: options.why,
      resourceType: extra.resourceType,
      wanted,
      literal: (v) => typeof v === 'string',
      tokenForms: ['text'],
      value: (v, prop, problems) => {
        const problem = extra.first?.(v, prop);
        if (problem !== undefined) problems.push(new ConfigurationError('SE001', problem));
        else problems.push(...(options.check?.(v, prop) ?? []));
      },
    },
    options.optional ?? optional,
    options.missingCode,
    options.missingFatal,
  );
}

/**
 * The name of a resource of a given kind. `check` is the rule of that kind of name (its length, characters and
 * case; it returns its problems, each with the rule's code); a token name is passed through unchecked unless
 * the prop refuses tokens.
 */
export function name(options: TextOptions): Reader<string> {
  return textReader('name', `${options.what ?? 'a name'} (text)`, options, false);
}

/** Free text; `check` returns the problems of a value (empty, too long). */
export function text(options: TextOptions): Reader<string> {
  return textReader('text', options.what ?? 'text', options, true);
}

/** A duration: ISO 8601 text (`PT120S`) checked by `check`, or a token passed through. */
export function duration(options: TextOptions): Reader<string> {
  return textReader('duration', "an ISO 8601 duration (text such as 'PT120S')", options, true, {
    first: (v, prop) =>
      ISO_DURATION.test(v)
        ? undefined
        : `${prop} is '${v}', which is not an ISO 8601 duration: write it like 'PT120S' or 'PT2M'`,
  });
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/**
 * An ARM resource id (text). The reader that checks the resource type it names lives in arm-id.ts; until a prop
 * names one, the id is checked only for being text, and a token is passed through.
 */
/**
 * The resource type an id prop takes. Every `armId` reader states one, so that a new id prop cannot go unclassified:
 * the constructor refuses an id of another type (SE002, `readArmId`), and the API-generated test feeds each typed
 * prop an id of another type and expects that refusal. `ANY_RESOURCE_TYPE` is for props whose type depends on
 * another prop (a private endpoint's target resource) and are checked by their own rule.
 */
export const ANY_RESOURCE_TYPE = 'any resource type';

export function armId(
  options: TextOptions & { readonly resourceType: ArmResourceType | typeof ANY_RESOURCE_TYPE },
): Reader<string> {
  const type = options.resourceType === ANY_RESOURCE_TYPE ? undefined : options.resourceType.type;
  return textReader('arm-id', `an ARM resource id${type ? ` of a ${type}` : ''} (text)`, options, true, {
    resourceType: type,
  });
}

/** Azure tags: a map of text to text. A token map is passed through. */
export function tags(options: Optionality = {}): Reader<{ [key: string]: string }> {
  return reader<{ [key: string]: string }>(
    {
      kind: 'tags',
      tokens: 'expression',
      wanted: 'a map of tag names to text values',
      literal: (v) => isPlainObject(v),
      tokenForms: ['resolvable'],
      value: (v, prop) => readRecordValues(v, prop, 'text'),
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/**
 * A map of names to values (`environmentVariables`, a traffic split); `element` reads each value (default: text).
 * A token map is passed through.
 */
export function record<T = string>(
  options: Common &
    Optionality & {
      /** The reader of each value. @default text */
      readonly element?: Reader<T>;
      /**
       * What a Terraform text expression as a key means (`{ [variable.stringValue]: 10 }`): `refuse` when the keys
       * name things checked at synth (the deployments of a traffic split). @default 'expression'
       */
      readonly keys?: 'expression' | 'refuse';
    },
): Reader<{ [key: string]: T }> {
  const element = options.element;
  return reader<{ [key: string]: T }>(
    {
      kind: 'record',
      tokens: options.tokens,
      why: options.why,
      element,
      wanted: `a map of names to ${element === undefined ? 'text' : element.kind} values`,
      literal: (v) => isPlainObject(v),
      tokenForms: ['resolvable'],
      value: (v, prop, problems) => {
        if (element === undefined) return readRecordValues(v, prop, 'text');
        for (const [key, entry] of Object.entries(v)) {
          const keyProblem = recordKeyError(prop, key, options.keys ?? 'expression');
          if (keyProblem !== undefined) problems.push(keyProblem);
          const { refused } = element.read(entry, `${prop}['${key}']`, problems);
          if (refused !== undefined) return refused;
        }
        return undefined;
      },
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

function readRecordValues(value: object, prop: string, wanted: 'text'): ConfigurationError | undefined {
  for (const [key, entry] of Object.entries(value)) {
    const element = listElementError(`${prop}['${key}']`, entry);
    if (element !== undefined) return element;
    const form = tokenForm(entry);
    if (form === 'text' || (form === undefined && typeof entry === 'string')) continue;
    return wrongKind(`${prop}['${key}']`, entry, wanted, false);
  }
  return undefined;
}

/** A list whose elements `element` reads. A list token is passed through unless the prop refuses tokens. */
export function list<T>(
  element: Reader<T>,
  options: Common & Optionality & { readonly nonEmpty?: string },
): Reader<T[]> {
  return reader<T[]>(
    {
      kind: 'list',
      tokens: options.tokens,
      why: options.why,
      element,
      wanted: `a list of ${element.kind === 'enum' && element.classOf ? element.classOf.name : element.kind} values`,
      literal: (v) => Array.isArray(v),
      tokenForms: ['list', 'resolvable'],
      value: (v, prop, problems) => {
        if (v.length === 0 && options.nonEmpty !== undefined) {
          problems.push(new ConfigurationError('SE001', `${prop} is an empty list: ${options.nonEmpty}`));
        }
        for (const [i, e] of v.entries()) {
          const { refused } = element.read(e, `${prop}[${i}]`, problems);
          if (refused !== undefined) return refused;
        }
        return undefined;
      },
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/**
 * An object whose fields `fields` reads: an options object (`requestSettings`), or a reference to a resource made
 * elsewhere (`resourceGroup`, `subnet`, an azurerm resource object) whose attributes are read the same way.
 */
export function object(
  schemaName: string,
  fields: Schema,
  options: Optionality & { readonly kind?: 'object' | 'reference' } = {},
): Reader<object> {
  return reader<object>(
    {
      kind: options.kind ?? 'object',
      tokens: 'never',
      fields,
      schemaName,
      wanted: options.kind === 'reference' ? `an object with ${Object.keys(fields).join(', ')}` : 'an object',
      literal: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      tokenForms: [],
      why: 'its fields are read one by one',
      value: (v, prop, problems) => {
        for (const [field, fieldReader] of Object.entries(fields)) {
          const { refused } = fieldReader.read(
            (v as Record<string, unknown>)[field],
            `${prop}.${field}`,
            problems,
          );
          if (refused !== undefined) return refused;
        }
        return undefined;
      },
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/**
 * A construct of this library passed by reference (a workspace, an endpoint): it is checked where it was made.
 * `alsoName` accepts its name as text instead (a deployment named in `mirrorTraffic`).
 */
export function construct(
  what: string,
  options: Optionality & { readonly alsoName?: boolean } = {},
): Reader<object> {
  return reader<object>(
    {
      kind: 'construct',
      tokens: 'never',
      why: `${what} is named at synth`,
      wanted: what,
      // A construct of this library (it has a construct node); a plain object is not one.
      literal: (v) =>
        (typeof v === 'object' && v !== null && typeof (v as { node?: unknown }).node === 'object') ||
        (options.alsoName === true && typeof v === 'string'),
      tokenForms: [],
    },
    options.optional ?? false,
    options.missingCode,
    options.missingFatal,
  );
}

/** Terraform elements to depend on. */
export function dependables(options: Optionality = {}): Reader<object[]> {
  return reader<object[]>(
    {
      kind: 'dependables',
      tokens: 'never',
      wanted: 'a list of Terraform resources',
      literal: (v) => Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null),
      tokenForms: [],
    },
    options.optional ?? false,
    options.missingCode,
    options.missingFatal,
  );
}

/**
 * A request body or another ARM wire-format object, passed to Terraform as it is (`lists`: a list is accepted
 * too, as for azapi's `response_export_values`).
 */
export function body(
  options: Optionality & {
    /** A list is accepted too. @default false */
    readonly lists?: boolean;
    /** @default 'expression' */
    readonly tokens?: 'expression' | 'refuse' | 'unknown';
    /** Why a token is refused. @default a generic reason */
    readonly why?: string;
  } = {},
): Reader<object> {
  return reader<object>(
    {
      kind: 'body',
      tokens: options.tokens ?? 'expression',
      why: options.why,
      wanted: options.lists === true ? 'an object or a list' : 'an object',
      literal: (v) => typeof v === 'object' && v !== null && (options.lists === true || !Array.isArray(v)),
      tokenForms: ['resolvable'],
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/** Any number (a threshold); `check` returns the problems of a value. */
export function num(
  options: Common & Optionality & { readonly check?: (value: number, prop: string) => Problems },
): Reader<number> {
  return reader<number>(
    {
      kind: 'number',
      tokens: options.tokens,
      why: options.why,
      wanted: 'a number',
      literal: (v) => typeof v === 'number' && !Number.isNaN(v),
      tokenForms: ['number'],
      value: (v, prop, problems) => {
        problems.push(...(options.check?.(v, prop) ?? []));
      },
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `props` with `schema` (a `defineProps` constant): every problem is recorded on `scope` (with its path),
 * a refused optional prop reads as unset (its default), and a refused required prop, from which nothing can be
 * built, stops the constructor with every problem found so far (`ConfigurationErrors`-like, one line each).
 * Returns the props to build from.
 */
export function readProps<P extends object>(scope: IConstruct, schema: PropsSchema<P>, props: P): P {
  return readWith(scope, schemaName(schema) ?? 'props', schema, props);
}

/**
 * `readProps` for a method's parameters, given as an object of the parameters. Factories use `fromFactory`,
 * which throws nothing: with no scope (the former way factories read), the first refusal is thrown at once,
 * before other constructs' problems are recorded. @deprecated without a scope: use `fromFactory`
 */
export function readParams<P extends object>(
  scope: IConstruct | undefined,
  schema: PropsSchema<P>,
  params: P,
): P {
  const name = schemaName(schema) ?? 'parameters';
  if (scope === undefined) return readUnscoped(name, schema, params);
  return readWith(scope, name, schema, params, true);
}

/** The former factory read: every refusal thrown, the first with the others appended. */
function readUnscoped<P extends object>(schemaName: string, schema: Schema, params: P): P {
  const read: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  const fatal: ConfigurationError[] = [];
  for (const [field, fieldReader] of Object.entries(schema)) {
    const verdict = fieldReader.read((params as Record<string, unknown>)[field], field, []);
    if (verdict.refused === undefined) read[field] = verdict.value;
    else fatal.push(new ConfigurationError(verdict.refused.code, `${schemaName}: ${verdict.refused.detail}`));
  }
  if (fatal.length > 0) throw at(fatal[0], undefined, fatal.slice(1));
  return read as P;
}

/**
 * A static factory's result (`Model.fromLocalPath(...)`, `Principal.user(...)`): its parameters are read with
 * the schema recorded under `schemaName`, and nothing is thrown. What is wrong is carried by the returned value
 * and reported by the construct it is given to, with that construct's path, together with every other problem
 * of the app. When a parameter nothing can be built from is refused, `build` is not called: the value is a bare
 * instance of `prototype` that only carries the problems (the construct reads the prop as refused); so it is
 * when `build` returns problems instead of a value.
 */
export function fromFactory<P extends object, T extends object>(
  schema: PropsSchema<P>,
  params: P,
  build: (read: P) => T | Problems,
  prototype: T,
): T {
  const factoryName = schemaName(schema) ?? 'factory';
  const read: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  const found: ConfigurationError[] = [];
  let unusable = false;
  const named = (e: ConfigurationError) => new ConfigurationError(e.code, `${factoryName}: ${e.detail}`);
  for (const [field, fieldReader] of Object.entries<Reader>(schema)) {
    const problems: ConfigurationError[] = [];
    const verdict = fieldReader.read((params as Record<string, unknown>)[field], field, problems);
    if (verdict.refused === undefined) {
      read[field] = verdict.value;
    } else {
      read[field] = undefined;
      unusable ||= !fieldReader.optional;
      found.push(named(verdict.refused));
    }
    // What is wrong with a value the factory can still hold (a number out of range, a name Azure refuses) is
    // reported by the construct that uses the value, with its rule and path: carried, it would be listed twice.
  }
  if (!unusable) {
    // `build` returns the value, or the problems that leave nothing to build (a negative duration).
    const built = build(read as P);
    if (!Array.isArray(built)) return carryProblems(built as T, found, false);
    found.push(...(built as Problems).map(named));
  }
  return carryProblems(Object.create(prototype) as T, found, true);
}

function readWith<P extends object>(
  scope: IConstruct,
  name: string,
  schema: Schema,
  props: P,
  params = false,
): P {
  const path = scope.node.path;
  if (!params && (typeof props !== 'object' || props === null || Array.isArray(props))) {
    throw at(wrongKind(`the ${name}`, props, 'an object of props', false), path);
  }
  const read: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  const fatal: ConfigurationError[] = [];
  for (const [field, fieldReader] of Object.entries(schema)) {
    const problems: ConfigurationError[] = [];
    const verdict = fieldReader.read((props as Record<string, unknown>)[field], field, problems);
    if (verdict.refused === undefined) {
      read[field] = verdict.value;
    } else if (fieldReader.optional) {
      // A refused optional prop reads as unset (its documented default); the refusal is recorded.
      read[field] = undefined;
      problemsOf(scope).report(verdict.refused.code, verdict.refused.detail);
    } else {
      fatal.push(verdict.refused);
    }
    for (const problem of problems) problemsOf(scope).report(problem.code, problem.detail);
    const elsewhere = fieldReader.kind === 'construct' ? otherStack(scope, field, read[field]) : undefined;
    if (elsewhere !== undefined) problemsOf(scope).report(elsewhere.code, elsewhere.detail);
  }
  // Nothing can be built: the constructor stops. The problems recorded so far on every construct of the app go
  // with it, so that what was found before is not hidden behind this one.
  if (fatal.length > 0) {
    const first = at(fatal[0], path, [...fatal.slice(1), ...recordedSoFar(scope)]);
    throw new ConfigurationError(first.code, withExpressions(scope, first.detail), path);
  }
  return read as P;
}

/** The first error located on `path`, with the others appended (one line each, located when they are). */
function at(
  first: ConfigurationError,
  path: string | undefined,
  others: ConfigurationError[] = [],
): ConfigurationError {
  const detail =
    others.length === 0 ? first.detail : `${first.detail}\n${others.map((o) => `  ${o.message}`).join('\n')}`;
  return new ConfigurationError(first.code, detail, path);
}

/** The stack `construct` belongs to, or undefined outside a stack. */
function stackOf(construct: IConstruct): IConstruct | undefined {
  return construct.node.scopes.find((c) => TerraformStack.isStack(c));
}

/**
 * SE460 when `value`, a construct of this library given to `scope` (a workspace, an endpoint, a deployment), is
 * in another stack: its resources would be named in `scope`'s configuration (references, `depends_on`) where
 * they do not exist, and Terraform refuses `depends_on` across configurations.
 */
function otherStack(scope: IConstruct, prop: string, value: unknown): ConfigurationError | undefined {
  const node = typeof value === 'object' && value !== null ? (value as { node?: unknown }).node : undefined;
  if (typeof node !== 'object' || node === null || !Array.isArray((node as { scopes?: unknown }).scopes)) {
    return undefined;
  }
  const given = value as IConstruct;
  const theirs = stackOf(given);
  const ours = stackOf(scope);
  if (theirs === undefined || ours === undefined || theirs === ours) return undefined;
  return new ConfigurationError(
    'SE460',
    `${prop} is ${given.node.path}, of stack '${theirs.node.id}', but ${scope.node.path} is in stack ` +
      `'${ours.node.id}': each stack is its own Terraform configuration, which cannot name or depend on ` +
      `another's resources (Terraform refuses depends_on across them); in stack '${ours.node.id}' import it ` +
      `from the other stack's outputs (ManagedVnetWorkspace.fromWorkspaceAttributes, ` +
      `SecureOnlineEndpoint.fromEndpointAttributes), as the split layout does, or make both in one stack`,
  );
}

/** Every problem recorded on the constructs of `scope`'s app so far. */
function recordedSoFar(scope: IConstruct): ConfigurationError[] {
  return ConstructProblems.under(scope.node.root).flatMap((p) => p.recorded());
}

/**
 * Reads one value with a reader outside a props object (a factory's single argument, a method's construct id):
 * throws what is fatal and what is wrong with the value alike, located on `scope` (the construct whose method
 * was called) when there is one.
 */
export function readValue<T>(reader_: Reader<T>, value: unknown, prop: string, scope?: IConstruct): T {
  const problems: ConfigurationError[] = [];
  const verdict = reader_.read(value, prop, problems);
  const first = verdict.refused ?? problems[0];
  if (first !== undefined) throw scope === undefined ? first : first.at(scope.node.path);
  return verdict.value as T;
}

/**
 * The `provider` prop: a TerraformProvider or a list of them. Text (`'azapi.second'`) is refused; whether each
 * provider is of a kind some resource of the construct uses is checked at synth (useProviders).
 */
export function provider(): Reader<TerraformProvider | TerraformProvider[]> {
  return reader<TerraformProvider | TerraformProvider[]>(
    {
      kind: 'provider',
      tokens: 'never',
      wanted: 'a provider configuration (an AzapiProvider or AzurermProvider object) or a list of them',
      literal: (v) =>
        v instanceof TerraformProvider ||
        (Array.isArray(v) && v.every((p) => p instanceof TerraformProvider)),
      tokenForms: [],
    },
    true,
  );
}

/** A member of a TypeScript string enum (`InboundAccess.PUBLIC`, `WeekDay.MONDAY`); other text is refused. */
export function enumOf<T extends string>(
  values: { readonly [member: string]: T },
  enumName: string,
  options: Optionality = {},
): Reader<T> {
  const allowed = Object.values(values);
  return reader<T>(
    {
      kind: 'enum',
      tokens: 'never',
      classOf: { name: enumName, prototype: String.prototype },
      wanted: `${article(enumName)} ${enumName} (${allowed.map((v) => `'${v}'`).join(', ')})`,
      literal: (v) => typeof v === 'string' && (allowed as string[]).includes(v),
      tokenForms: [],
      why: `${enumName} is chosen at synth time`,
    },
    options.optional ?? true,
    options.missingCode,
    options.missingFatal,
  );
}

/** A construct id given to a method that creates a construct (`addDeployment('Green', ...)`). */
export function constructId(): Reader<string> {
  return text({
    tokens: 'refuse',
    optional: false,
    what: 'a construct id (text)',
    why: 'construct ids name the resources in the synthesized output',
    check: (id, prop) =>
      id === ''
        ? [new ConfigurationError('SE001', `${prop} is empty: give a construct id such as 'Green'`)]
        : [],
  });
}

/** The readers of some fields of a schema (an options interface that a props interface extends). */
export function pick<S extends Schema, K extends keyof S & string>(
  schema: S,
  fields: readonly K[],
): Pick<S, K> {
  return Object.fromEntries(fields.map((f) => [f, schema[f]])) as Pick<S, K>;
}

/** A schema without some of its fields (a props interface that omits fields of the one it extends). */
export function without<S extends object, K extends keyof S>(schema: S, ...fields: K[]): Omit<S, K> {
  const copy: Partial<S> = { ...schema };
  for (const field of fields) delete copy[field];
  return copy as Omit<S, K>;
}

/** A value of a catalog class (`InstanceType`, `AzureRegion`, `ServiceTag`): the name it stands for. */
export interface CatalogValue {
  /** The name as it is sent to Azure. */
  readonly value: string;
}

/**
 * A name from one of Azure's catalogs (a VM size, a region, a service tag), as text or as an instance of the
 * catalog's class. Text is looked up in `catalog` as Azure compares it (without case): a name the catalog does not
 * know is reported with `code`, the nearest known names and the way out, `<Class>.of('...')`, which makes a value
 * the reader passes unchecked (for a name Azure added after the catalog was refreshed). A token is passed through.
 * Text that is not even of the name's form (`shape`) is left to the prop's own rule.
 */
export function catalogName(
  options: TextOptions & {
    readonly catalog: Catalog;
    readonly classOf: ClassOf;
    readonly code: string;
    /** The form a name has; other text is refused by the prop's own rule, not here. @default any text */
    readonly shape?: RegExp;
  },
): Reader<string | CatalogValue> {
  const { catalog, classOf, code, shape, ...textOptions } = options;
  const base = text({
    ...textOptions,
    what: `${options.what ?? catalog.options.what} (text, or ${classOf.name}.of('...'))`,
    check: (v, prop) => {
      const own = options.check?.(v, prop) ?? [];
      if (own.length > 0) return own;
      if (shape !== undefined && !shape.test(v)) return [];
      const why = catalog.problem(v);
      if (why === undefined) return [];
      const guess = catalog.guess(v);
      return [
        new ConfigurationError(
          code,
          `${prop} is '${v}', ${why}; give a listed name, or ${classOf.name}.of('${v}') for one that Azure ` +
            `added after this library's list was refreshed (passed to Azure unchecked)${guess === '' ? '' : `; ${guess}`}`,
        ),
      ];
    },
  });
  return {
    ...base,
    classOf,
    read(value: unknown, prop: string, problems: ConfigurationError[]): Verdict<string | CatalogValue> {
      if (!isInstance(value, classOf)) return base.read(value, prop, problems);
      const refused = reportCarried(value, problems);
      return refused === undefined ? { value: value as CatalogValue } : { refused };
    },
  };
}

/**
 * The parameter of a catalog class's `of(name)`: any text (it is the escape hatch, not checked against the list)
 * but empty, or a Terraform expression, passed through.
 */
export function uncheckedCatalogName(what: string): Reader<string> {
  return text({
    tokens: 'expression',
    optional: false,
    what,
    check: (v, prop) =>
      v.trim() === '' ? [new ConfigurationError('SE001', `${prop} is empty: give ${what}`)] : [],
  });
}

/** The name a catalog prop stands for: the text, or the value of an instance of the catalog's class. */
export function catalogText<T extends string | CatalogValue | undefined>(
  value: T,
): T extends undefined ? string | undefined : string {
  return (typeof value === 'object' && value !== null ? value.value : value) as T extends undefined
    ? string | undefined
    : string;
}
