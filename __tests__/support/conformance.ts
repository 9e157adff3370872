/**
 * Conformance harness: checks the `azapi_resource` (and `azapi_resource_action`) bodies of a synthesized stack
 * against the Bicep type definitions the azapi provider v2.12.0 embeds and validates `body` against at plan time
 * (`<AZURE_SPECS_DIR>/<api-version>/azapi-v2.12.0-embedded-types.json`, by default the copies committed in
 * __tests__/fixtures/azure-specs, whose README says where they come from).
 *
 * Modelled on azapi's own check (`internal/services/resource.go` `schemaValidate` and
 * `internal/azure/types/*.go` in Azure/terraform-provider-azapi v2.12.0):
 * - the azapi attributes `name`, `location`, `tags` and `identity` (and `sensitive_body`) are merged into the
 *   body before validating, so e.g. a `location` on a proxy resource (outbound rule) is rejected like a body key;
 * - unknown property, read-only property present, missing required property (except top-level `name`, and
 *   top-level `location`/`tags`, whose "required" errors azapi skips), wrong JSON type, string literal /
 *   closed-enum / discriminator mismatch (case-sensitive), string `pattern`/`minLength`/`maxLength` (lengths
 *   in bytes, as Go's `len`), integer `minValue`/`maxValue`, array item types and lengths, maps
 *   (`additionalProperties`), discriminated objects (base properties + the element the discriminator selects);
 * - null values are skipped, and null counts as missing for "required";
 * - Terraform interpolations (strings containing `${` or `%{`) are unknown values and skipped whatever the
 *   expected type; an empty string skips the string checks (azapi treats `""` as a possibly-unknown value);
 * - patterns Go's RE2 cannot compile (look-around, back-references) are skipped, as azapi logs and skips them
 *   (e.g. the `workspaces/computes` name pattern).
 * Deliberately stricter than azapi: an absent `body` is validated as `{}` (azapi skips a null body entirely),
 * `schema_validation_enabled = false` is ignored, unknown api-versions / resource types / providers are errors,
 * and `azapi_resource_action` bodies are checked against the action's `ResourceFunctionType` input (azapi never
 * checks action bodies).
 * Not checked: `azapi_update_resource` and data-source bodies, `response_export_values`, `ignore_body_changes`
 * paths, `parent_id`, write-only semantics, service-side rules that are not in the types (e.g. endpoint name
 * rules, value ranges only described in prose).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SynthesizedStack } from './synth';

/**
 * The folder holding `<api-version>/azapi-v2.12.0-embedded-types.json`: the committed __tests__/fixtures/azure-specs,
 * or env `AZURE_SPECS_DIR` (to check against other api-versions or a newer copy of the types).
 */
export const AZURE_SPECS_DIR: string = process.env.AZURE_SPECS_DIR
  ? path.resolve(process.env.AZURE_SPECS_DIR)
  : path.resolve(__dirname, '../fixtures/azure-specs');

const TYPES_FILE = 'azapi-v2.12.0-embedded-types.json';
const ML_PROVIDER = 'Microsoft.MachineLearningServices';

/**
 * The api-versions whose azapi embedded types file is in the specs folder; throws when there is none, so a wrong
 * `AZURE_SPECS_DIR` stops the run (from the global setup) instead of failing every conformance check one by one.
 */
export function specApiVersions(): string[] {
  const versions = availableApiVersions();
  if (versions.length === 0) {
    throw new Error(
      `no azure specs in ${AZURE_SPECS_DIR} (expected <api-version>/${TYPES_FILE}): unset AZURE_SPECS_DIR to use the copies in __tests__/fixtures/azure-specs, or point it at a folder laid out like them`,
    );
  }
  return versions;
}

// ---------------------------------------------------------------------------------------------------------------
// Bicep type model (the subset of bicep-types' JSON format the ML files use)

interface TypeRef {
  readonly $ref: string;
}

interface PropertyDef {
  readonly type: TypeRef;
  readonly flags?: number;
}

const FLAG_REQUIRED = 1;
const FLAG_READ_ONLY = 2;

type BicepType =
  | {
      readonly $type: 'StringType';
      readonly pattern?: string;
      readonly minLength?: number;
      readonly maxLength?: number;
    }
  | { readonly $type: 'StringLiteralType'; readonly value: string }
  | { readonly $type: 'IntegerType'; readonly minValue?: number; readonly maxValue?: number }
  | { readonly $type: 'BooleanType' }
  | { readonly $type: 'AnyType' }
  | { readonly $type: 'NullType' }
  | {
      readonly $type: 'ObjectType';
      readonly name?: string;
      readonly properties?: Readonly<Record<string, PropertyDef>>;
      readonly additionalProperties?: TypeRef;
    }
  | {
      readonly $type: 'ArrayType';
      readonly itemType: TypeRef;
      readonly minLength?: number;
      readonly maxLength?: number;
    }
  | { readonly $type: 'UnionType'; readonly elements: readonly TypeRef[] }
  | {
      readonly $type: 'DiscriminatedObjectType';
      readonly name: string;
      readonly discriminator: string;
      readonly baseProperties: Readonly<Record<string, PropertyDef>>;
      readonly elements: Readonly<Record<string, TypeRef>>;
    }
  | { readonly $type: 'ResourceType'; readonly name: string; readonly body: TypeRef }
  | {
      readonly $type: 'ResourceFunctionType';
      readonly name: string;
      readonly resourceType: string;
      readonly apiVersion: string;
      readonly input?: TypeRef;
    };

type ObjectTypeDef = Extract<BicepType, { $type: 'ObjectType' }>;

interface TypesIndex {
  readonly file: string;
  readonly types: readonly BicepType[];
  /** lower-cased `<provider>/<type>@<api-version>` -> index of its ResourceType */
  readonly resources: ReadonlyMap<string, number>;
  /** lower-cased `<provider>/<type>` -> lower-cased action name -> index of its ResourceFunctionType */
  readonly functions: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const indexCache = new Map<string, TypesIndex | string>();

/** Loads and indexes one api-version's types file (once); a string is the reason it could not be loaded. */
function typesFor(apiVersion: string): TypesIndex | string {
  const cached = indexCache.get(apiVersion);
  if (cached !== undefined) return cached;
  const loaded = loadTypes(apiVersion);
  indexCache.set(apiVersion, loaded);
  return loaded;
}

function loadTypes(apiVersion: string): TypesIndex | string {
  if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion)) {
    return `invalid api-version (expected YYYY-MM-DD or YYYY-MM-DD-preview, got '${apiVersion}')`;
  }
  const file = path.join(AZURE_SPECS_DIR, apiVersion, TYPES_FILE);
  if (!fs.existsSync(file)) {
    return `unknown api-version (expected one of [${availableApiVersions().join(', ')}] with ${TYPES_FILE} in ${AZURE_SPECS_DIR}, got '${apiVersion}')`;
  }
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) return `${file} is not a bicep types array`;
  const types = parsed as BicepType[];
  const resources = new Map<string, number>();
  const functions = new Map<string, Map<string, number>>();
  types.forEach((t, i) => {
    if (t.$type === 'ResourceType') {
      resources.set(t.name.toLowerCase(), i);
    } else if (t.$type === 'ResourceFunctionType' && t.apiVersion === apiVersion) {
      const key = t.resourceType.toLowerCase();
      const byName = functions.get(key) ?? new Map<string, number>();
      byName.set(t.name.toLowerCase(), i);
      functions.set(key, byName);
    }
  });
  return { file, types, resources, functions };
}

function availableApiVersions(): string[] {
  try {
    return fs
      .readdirSync(AZURE_SPECS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(AZURE_SPECS_DIR, e.name, TYPES_FILE)))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Value helpers

/** A Terraform interpolation or template directive: the value is unknown until plan/apply. */
function isUnknown(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('${') || value.includes('%{'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return jsonTypeOf(value);
}

function describeGot(value: unknown): string {
  const type = jsonTypeOf(value);
  return type === 'object' || type === 'array' || type === 'null' ? type : `${type} ${describeValue(value)}`;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function suggestion(value: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const option of options) {
    const d = option.toLowerCase() === value.toLowerCase() ? 0 : editDistance(value, option);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

const regexCache = new Map<string, RegExp | null>();

/** The pattern as a JS RegExp, or null when Go's RE2 (azapi) cannot compile it and therefore skips the check. */
function compilePattern(pattern: string): RegExp | null {
  let compiled = regexCache.get(pattern);
  if (compiled === undefined) {
    const re2Unsupported = /\(\?<?[=!]|\(\?>|\\[1-9]/.test(pattern);
    compiled = re2Unsupported ? null : new RegExp(pattern);
    regexCache.set(pattern, compiled);
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

type Segment = string | number;

class Validator {
  public readonly errors: string[] = [];

  constructor(
    private readonly index: TypesIndex,
    private readonly address: string,
    /** Top-level keys that came from azapi attributes (rendered without the `body.` prefix). */
    private readonly attributeKeys: ReadonlySet<string> = new Set(),
  ) {}

  public error(at: readonly Segment[], message: string): void {
    this.errors.push(`${this.address} ${this.render(at)}: ${message}`);
  }

  private render(at: readonly Segment[]): string {
    let out = typeof at[0] === 'string' && this.attributeKeys.has(at[0]) ? '' : 'body';
    for (const segment of at) {
      if (typeof segment === 'number') out += `[${segment}]`;
      else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
      else out += `[${JSON.stringify(segment)}]`;
    }
    return out;
  }

  public resolve(ref: TypeRef, at: readonly Segment[]): BicepType | undefined {
    const match = /^#\/(\d+)$/.exec(ref.$ref);
    const resolved = match ? this.index.types[Number(match[1])] : undefined;
    if (resolved === undefined)
      this.error(at, `unresolvable type reference (expected #/<index>, got '${ref.$ref}')`);
    return resolved;
  }

  public check(ref: TypeRef, value: unknown, at: readonly Segment[], root = false): void {
    if (value === null || value === undefined || isUnknown(value)) return;
    const type = this.resolve(ref, at);
    if (type !== undefined) this.checkType(type, value, at, root);
  }

  /** Returns whether `value` conforms, without recording errors (for union members). */
  private conforms(type: BicepType, value: unknown): boolean {
    const probe = new Validator(this.index, this.address, this.attributeKeys);
    probe.checkType(type, value, []);
    return probe.errors.length === 0;
  }

  public checkType(type: BicepType, value: unknown, at: readonly Segment[], root = false): void {
    switch (type.$type) {
      case 'AnyType':
        return;
      case 'NullType':
        return; // null values never reach here
      case 'BooleanType':
        if (typeof value !== 'boolean')
          this.error(at, `wrong type (expected boolean, got ${describeGot(value)})`);
        return;
      case 'IntegerType':
        return this.checkInteger(type, value, at);
      case 'StringType':
        return this.checkString(type, value, at);
      case 'StringLiteralType':
        if (typeof value !== 'string')
          this.error(at, `wrong type (expected string, got ${describeGot(value)})`);
        else if (value !== type.value) this.error(at, enumMessage([type.value], value));
        return;
      case 'UnionType':
        return this.checkUnion(type, value, at);
      case 'ArrayType':
        return this.checkArray(type, value, at);
      case 'ObjectType':
        return this.checkObject(type, value, at, root);
      case 'DiscriminatedObjectType':
        return this.checkDiscriminated(type, value, at, root);
      case 'ResourceType':
        return this.check(type.body, value, at, root);
      default:
        this.error(
          at,
          `schema type not supported by this harness (expected a value type, got ${type.$type})`,
        );
    }
  }

  private checkInteger(
    type: Extract<BicepType, { $type: 'IntegerType' }>,
    value: unknown,
    at: readonly Segment[],
  ) {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.error(at, `wrong type (expected integer, got ${describeGot(value)})`);
    } else if (type.minValue !== undefined && value < type.minValue) {
      this.error(at, `integer out of range (expected >= ${type.minValue}, got ${value})`);
    } else if (type.maxValue !== undefined && value > type.maxValue) {
      this.error(at, `integer out of range (expected <= ${type.maxValue}, got ${value})`);
    }
  }

  private checkString(
    type: Extract<BicepType, { $type: 'StringType' }>,
    value: unknown,
    at: readonly Segment[],
  ) {
    if (typeof value !== 'string') {
      this.error(at, `wrong type (expected string, got ${describeGot(value)})`);
      return;
    }
    if (value === '') return; // azapi skips empty strings (its stand-in for unknown values)
    const bytes = Buffer.byteLength(value, 'utf8');
    if (type.minLength !== undefined && bytes < type.minLength) {
      this.error(at, `string too short (expected at least ${type.minLength} bytes, got ${bytes})`);
    } else if (type.maxLength !== undefined && bytes > type.maxLength) {
      this.error(at, `string too long (expected at most ${type.maxLength} bytes, got ${bytes})`);
    } else if (type.pattern !== undefined && type.pattern !== '') {
      const re = compilePattern(type.pattern);
      if (re !== null && !re.test(value)) {
        this.error(
          at,
          `string does not match pattern (expected /${type.pattern}/, got ${describeValue(value)})`,
        );
      }
    }
  }

  private checkUnion(
    type: Extract<BicepType, { $type: 'UnionType' }>,
    value: unknown,
    at: readonly Segment[],
  ) {
    const members = type.elements
      .map((ref) => this.resolve(ref, at))
      .filter((t): t is BicepType => t !== undefined);
    if (members.some((member) => this.conforms(member, value))) return;
    const literals = members.flatMap((m) => (m.$type === 'StringLiteralType' ? [m.value] : []));
    const stringish = members.every((m) => m.$type === 'StringLiteralType' || m.$type === 'StringType');
    if (stringish && typeof value !== 'string') {
      this.error(at, `wrong type (expected string, got ${describeGot(value)})`);
    } else if (literals.length > 0 && typeof value === 'string') {
      this.error(at, enumMessage(literals, value));
    } else {
      const kinds = members.map((m) => (m.$type === 'StringLiteralType' ? JSON.stringify(m.value) : m.$type));
      this.error(
        at,
        `value matches no member of the union (expected one of ${kinds.join(' | ')}, got ${describeGot(value)})`,
      );
    }
  }

  private checkArray(
    type: Extract<BicepType, { $type: 'ArrayType' }>,
    value: unknown,
    at: readonly Segment[],
  ) {
    if (!Array.isArray(value)) {
      this.error(at, `wrong type (expected array, got ${describeGot(value)})`);
      return;
    }
    if (type.minLength !== undefined && value.length < type.minLength) {
      this.error(at, `array too short (expected at least ${type.minLength} items, got ${value.length})`);
    }
    if (type.maxLength !== undefined && value.length > type.maxLength) {
      this.error(at, `array too long (expected at most ${type.maxLength} items, got ${value.length})`);
    }
    value.forEach((item, i) => this.check(type.itemType, item, [...at, i]));
  }

  /** Checks the keys of `value` against `properties` (+ `additionalProperties`) and the required ones. */
  private checkProperties(
    owner: string,
    properties: Readonly<Record<string, PropertyDef>>,
    additional: TypeRef | undefined,
    value: Record<string, unknown>,
    at: readonly Segment[],
    root: boolean,
  ): void {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue; // undefined: not JSON, never synthesized
      const def = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
      if (def !== undefined) {
        if (((def.flags ?? 0) & FLAG_READ_ONLY) !== 0) {
          this.error([...at, key], `read-only property must not be sent (${owner}.${key} is read-only)`);
        } else {
          this.check(def.type, child, [...at, key]);
        }
      } else if (additional !== undefined) {
        this.check(additional, child, [...at, key]);
      } else if (!isUnknown(key)) {
        const near = suggestion(key, Object.keys(properties));
        this.error(
          [...at, key],
          `unknown property (expected a property of ${owner}${near ? `, did you mean '${near}'?` : ''}, got '${key}')`,
        );
      }
    }
    for (const [key, def] of Object.entries(properties)) {
      if (((def.flags ?? 0) & FLAG_REQUIRED) === 0) continue;
      if (value[key] !== undefined && value[key] !== null) continue;
      if (root && key === 'name') continue; // azapi: the name attribute is the body's name
      this.error([...at, key], `required property is missing (required by ${owner})`);
    }
  }

  private checkObject(type: ObjectTypeDef, value: unknown, at: readonly Segment[], root: boolean): void {
    if (!isRecord(value)) {
      this.error(at, `wrong type (expected object, got ${describeGot(value)})`);
      return;
    }
    this.checkProperties(
      type.name ?? 'object',
      type.properties ?? {},
      type.additionalProperties,
      value,
      at,
      root,
    );
  }

  private checkDiscriminated(
    type: Extract<BicepType, { $type: 'DiscriminatedObjectType' }>,
    value: unknown,
    at: readonly Segment[],
    root: boolean,
  ): void {
    if (!isRecord(value)) {
      this.error(at, `wrong type (expected object, got ${describeGot(value)})`);
      return;
    }
    const baseKeys = new Set(Object.keys(type.baseProperties));
    const others: Record<string, unknown> = {};
    const baseOnly: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (baseKeys.has(key)) baseOnly[key] = child;
      else others[key] = child;
    }
    this.checkProperties(type.name, type.baseProperties, undefined, baseOnly, at, root);

    const options = Object.keys(type.elements);
    const discriminator = others[type.discriminator];
    if (discriminator === undefined || discriminator === null) {
      this.error(
        [...at, type.discriminator],
        `required property is missing (discriminator of ${type.name}, expected one of ${options.map((o) => JSON.stringify(o)).join(', ')})`,
      );
      return;
    }
    if (isUnknown(discriminator)) return; // element unknown until plan: nothing more azapi could check
    if (typeof discriminator !== 'string') {
      this.error(
        [...at, type.discriminator],
        `wrong type (expected string, got ${describeGot(discriminator)})`,
      );
      return;
    }
    const elementRef = Object.prototype.hasOwnProperty.call(type.elements, discriminator)
      ? type.elements[discriminator]
      : undefined;
    if (elementRef === undefined) {
      this.error([...at, type.discriminator], enumMessage(options, discriminator));
      return;
    }
    const element = this.resolve(elementRef, at);
    if (element === undefined) return;
    if (element.$type === 'ObjectType') {
      this.checkProperties(
        element.name ?? type.name,
        element.properties ?? {},
        element.additionalProperties,
        others,
        at,
        root,
      );
    } else {
      this.checkType(element, others, at, root);
    }
  }
}

function enumMessage(options: readonly string[], got: string): string {
  const caseOnly = options.find((o) => o.toLowerCase() === got.toLowerCase());
  const expected =
    options.length === 1
      ? JSON.stringify(options[0])
      : `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
  const hint =
    caseOnly !== undefined ? ` — values are case-sensitive, did you mean ${JSON.stringify(caseOnly)}?` : '';
  return `value not allowed (expected ${expected}, got ${JSON.stringify(got)})${hint}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

interface ParsedType {
  readonly resourceType: string;
  readonly apiVersion: string;
}

function parseType(type: unknown): ParsedType | string {
  if (typeof type !== 'string')
    return `missing type (expected '<provider>/<type>@<api-version>', got ${describeGot(type)})`;
  const at = type.lastIndexOf('@');
  if (at <= 0) return `malformed type (expected '<provider>/<type>@<api-version>', got '${type}')`;
  const resourceType = type.slice(0, at);
  const apiVersion = type.slice(at + 1);
  const provider = resourceType.split('/')[0];
  if (provider.toLowerCase() !== ML_PROVIDER.toLowerCase()) {
    return `no embedded types for provider (expected ${ML_PROVIDER}, the only provider in ${AZURE_SPECS_DIR}, got '${provider}')`;
  }
  return { resourceType, apiVersion };
}

interface Target {
  readonly index: TypesIndex;
  readonly typeIndex: number;
}

function findResource(type: unknown): Target | string {
  const parsed = parseType(type);
  if (typeof parsed === 'string') return parsed;
  const index = typesFor(parsed.apiVersion);
  if (typeof index === 'string') return index;
  const typeIndex = index.resources.get(`${parsed.resourceType}@${parsed.apiVersion}`.toLowerCase());
  if (typeIndex === undefined) {
    const known = [...index.resources.keys()].map((k) => k.split('@')[0]);
    const near = suggestion(parsed.resourceType.toLowerCase(), known);
    return `unknown resource type (expected a ResourceType of ${index.file}${near ? `, did you mean '${near}'?` : ''}, got '${parsed.resourceType}')`;
  }
  return { index, typeIndex };
}

function findFunction(type: unknown, action: string): Target | string {
  const parsed = parseType(type);
  if (typeof parsed === 'string') return parsed;
  const index = typesFor(parsed.apiVersion);
  if (typeof index === 'string') return index;
  const byName = index.functions.get(parsed.resourceType.toLowerCase());
  const typeIndex = byName?.get(action.toLowerCase());
  if (typeIndex === undefined) {
    const known = [...(byName?.keys() ?? [])];
    return `unknown action (expected a ResourceFunctionType of ${parsed.resourceType}@${parsed.apiVersion}${known.length ? ` [${known.join(', ')}]` : ''}, got '${action}')`;
  }
  return { index, typeIndex };
}

/**
 * Validates one full ARM body (envelope keys such as `name`, `location`, `tags`, `identity` included, as azapi
 * merges its attributes into the body) against `<provider>/<type>@<api-version>`. Returns the error lines.
 */
export function validateBody(resourceType: string, body: unknown, address: string = resourceType): string[] {
  return validateResource(resourceType, body, address, new Set());
}

function validateResource(
  resourceType: string,
  body: unknown,
  address: string,
  attributeKeys: ReadonlySet<string>,
): string[] {
  const target = findResource(resourceType);
  if (typeof target === 'string') return [`${address} type: ${target}`];
  if (isUnknown(body)) return [];
  const validator = new Validator(target.index, address, attributeKeys);
  const resource = target.index.types[target.typeIndex];
  validator.checkType(resource, body ?? {}, [], true);
  // azapi: "skip error that location is not in the body, because user might use the default location feature;
  // same for tags" (top level only).
  const prefix = new RegExp(
    `^${escapeRegExp(address)} (body\\.)?(location|tags): required property is missing`,
  );
  return validator.errors.filter((e) => !prefix.test(e));
}

/** Validates an action's request body against the `ResourceFunctionType` input of `<type>@<api-version>`. */
export function validateActionBody(
  resourceType: string,
  action: string,
  body: unknown,
  address = `${resourceType}/${action}`,
): string[] {
  const target = findFunction(resourceType, action);
  if (typeof target === 'string') return [`${address} action: ${target}`];
  const fn = target.index.types[target.typeIndex];
  if (fn.$type !== 'ResourceFunctionType') return [`${address} action: not a ResourceFunctionType`];
  if (isUnknown(body)) return [];
  const validator = new Validator(target.index, address);
  if (fn.input === undefined) {
    if (isRecord(body) && Object.keys(body).length > 0) {
      validator.error([], `the action takes no request body (expected none, got ${describeGot(body)})`);
    }
    return validator.errors;
  }
  validator.check(fn.input, body ?? {}, [], true);
  return validator.errors;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The body azapi validates: `body` (+ `sensitive_body`) with the `name`/`location`/`tags`/`identity` attributes. */
function mergedAzapiBody(resource: Record<string, unknown>): { body: unknown; attributeKeys: Set<string> } {
  const attributeKeys = new Set<string>();
  const { body } = resource;
  if (isUnknown(body)) return { body, attributeKeys };
  let fromBody: Record<string, unknown> = isRecord(body) ? { ...body } : {};
  if (isRecord(resource.sensitive_body)) fromBody = deepMerge(fromBody, resource.sensitive_body);
  // attributes first (they override body keys of the same name), so their errors come first
  const merged: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    merged[key] = value;
    attributeKeys.add(key);
  };
  if (resource.name !== undefined) set('name', resource.name);
  if (resource.location !== undefined && resource.location !== null) set('location', resource.location);
  if (resource.tags !== undefined && resource.tags !== null) set('tags', resource.tags);
  const identity = Array.isArray(resource.identity) ? resource.identity[0] : resource.identity;
  if (isRecord(identity)) {
    const ids = Array.isArray(identity.identity_ids) ? identity.identity_ids : [];
    set(
      'identity',
      ids.length === 0
        ? { type: identity.type }
        : {
            type: identity.type,
            userAssignedIdentities: Object.fromEntries(ids.map((id) => [String(id), null])),
          },
    );
  }
  for (const [key, value] of Object.entries(fromBody)) if (!attributeKeys.has(key)) merged[key] = value;
  return { body: merged, attributeKeys };
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] = isRecord(existing) && isRecord(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

/**
 * Validates every `azapi_resource` body (with its azapi attributes merged in, as azapi does) and every
 * `azapi_resource_action` body with an `action` of a synthesized stack. Returns `[]` when everything conforms.
 */
export function validateAzapiBodies(json: SynthesizedStack): string[] {
  const errors: string[] = [];
  for (const [name, resource] of Object.entries(json.resource?.azapi_resource ?? {})) {
    const { body, attributeKeys } = mergedAzapiBody(resource);
    errors.push(
      ...validateResource(
        typeof resource.type === 'string' ? resource.type : '',
        body,
        `azapi_resource.${name}`,
        attributeKeys,
      ),
    );
  }
  for (const [name, resource] of Object.entries(json.resource?.azapi_resource_action ?? {})) {
    const action = resource.action;
    if (typeof action !== 'string' || action === '' || isUnknown(action)) continue; // a request on the resource itself
    errors.push(
      ...validateActionBody(
        typeof resource.type === 'string' ? resource.type : '',
        action,
        resource.body,
        `azapi_resource_action.${name}`,
      ),
    );
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// Jest helpers

/** `expect(validateAzapiBodies(json)).toEqual([])`. */
export function expectConformingBodies(json: SynthesizedStack): void {
  expect(validateAzapiBodies(json)).toEqual([]);
}
