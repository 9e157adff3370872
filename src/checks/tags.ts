import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { problemsOf } from './validation';

/** What Azure accepts as the tags of one kind of resource. */
export interface TagLimits {
  /** The resources these limits are Azure's for (`storage accounts`), as messages name them. */
  readonly resources: string;
  /** Most tags on one resource. */
  readonly maxTags: number;
  /** Longest tag name, in characters. */
  readonly maxNameLength: number;
  /** Longest tag value, in characters. */
  readonly maxValueLength: number;
  /** Whether a tag name may contain spaces. */
  readonly namesMayHaveSpaces: boolean;
  /** Whether a tag name may start with a digit. */
  readonly namesMayStartWithDigit: boolean;
  /** The characters a tag name may have, when Azure restricts them further. @default any but `< > % & \\ ? /` */
  readonly nameCharacters?: { readonly pattern: RegExp; readonly says: string };
}

/**
 * Azure Resource Manager's tag limits ("Use tags to organize your Azure resources", limitations): 50 tags per
 * resource, names up to 512 characters, values up to 256; storage accounts take names up to 128 characters;
 * Azure DNS zones (public and private, with their virtual network links) take at most 15 tags, and no tag name
 * with a space or starting with a digit; "Azure DNS tag names don't support special and unicode characters"
 * (letters and digits of ASCII, with `_` and `-`, are what remains).
 */
export const TAG_LIMITS = {
  /** Every resource Azure Resource Manager tags. */
  DEFAULT: {
    resources: 'Azure resources',
    maxTags: 50,
    maxNameLength: 512,
    maxValueLength: 256,
    namesMayHaveSpaces: true,
    namesMayStartWithDigit: true,
  },
  STORAGE_ACCOUNT: {
    resources: 'storage accounts',
    maxTags: 50,
    maxNameLength: 128,
    maxValueLength: 256,
    namesMayHaveSpaces: true,
    namesMayStartWithDigit: true,
  },
  PRIVATE_DNS_ZONE: {
    resources: 'private DNS zones and their virtual network links',
    maxTags: 15,
    maxNameLength: 512,
    maxValueLength: 256,
    namesMayHaveSpaces: false,
    namesMayStartWithDigit: false,
    nameCharacters: {
      pattern: /^[A-Za-z0-9_-]*$/,
      says: "only ASCII letters, digits, '_' and '-' (no Unicode, parentheses or other special characters)",
    },
  },
} as const satisfies Record<string, TagLimits>;

/** Characters Azure refuses in tag names. */
const FORBIDDEN_IN_NAMES = /[<>%&\\?/]/;

/** The entry of `all` with the smallest `key`, for naming the resources a limit comes from. */
function strictest(
  all: readonly TagLimits[],
  key: 'maxTags' | 'maxNameLength' | 'maxValueLength',
): TagLimits {
  return all.reduce((a, b) => (b[key] < a[key] ? b : a));
}

/** ` on storage accounts` (nothing for the limits every resource has). */
function on(limits: TagLimits): string {
  return limits.resources === TAG_LIMITS.DEFAULT.resources ? '' : ` on ${limits.resources}`;
}

/** Why a literal tag set breaks the strictest of `all`, one reason per broken rule. */
function limitProblems(tags: Record<string, unknown>, all: readonly TagLimits[]): string[] {
  const problems: string[] = [];
  const names = Object.keys(tags);
  const count = strictest(all, 'maxTags');
  if (names.length > count.maxTags) {
    problems.push(
      `${names.length} tags: Azure keeps at most ${count.maxTags}${on(count)}; merge some into one tag ` +
        `(a JSON value) or drop them`,
    );
  }
  const nameLength = strictest(all, 'maxNameLength');
  const valueLength = strictest(all, 'maxValueLength');
  const noSpaces = all.find((l) => !l.namesMayHaveSpaces);
  const noDigit = all.find((l) => !l.namesMayStartWithDigit);
  for (const name of names) {
    if (Token.isUnresolved(name)) continue;
    if (name.length > nameLength.maxNameLength) {
      problems.push(
        `tag name '${name.slice(0, 40)}...' has ${name.length} characters: Azure takes at most ` +
          `${nameLength.maxNameLength}${on(nameLength)}; shorten it`,
      );
    }
    if (noSpaces !== undefined && /\s/.test(name)) {
      problems.push(
        `tag name '${name}' has a space: Azure refuses it${on(noSpaces)}; use '-' or '_' instead`,
      );
    }
    const restricted = all.find(
      (l) =>
        l.nameCharacters !== undefined &&
        /\S/.test(name) &&
        !l.nameCharacters.pattern.test(name.replace(/\s/g, '')),
    );
    if (restricted?.nameCharacters !== undefined) {
      problems.push(
        `tag name '${name}' has characters Azure refuses${on(restricted)}, which take ` +
          `${restricted.nameCharacters.says}; rename it`,
      );
    }
    if (noDigit !== undefined && /^\d/.test(name)) {
      problems.push(
        `tag name '${name}' starts with a digit: Azure refuses it${on(noDigit)}; start it with a letter`,
      );
    }
    const value = tags[name];
    if (
      typeof value === 'string' &&
      !Token.isUnresolved(value) &&
      value.length > valueLength.maxValueLength
    ) {
      problems.push(
        `tag '${name}' has a value of ${value.length} characters: Azure takes at most ` +
          `${valueLength.maxValueLength}${on(valueLength)}; shorten it`,
      );
    }
  }
  return problems;
}

/** Rules that hold whatever the resource: text values, names Azure can store, no two names differing in case. */
function universalProblems(tags: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(tags)) {
    if (Token.isUnresolved(name)) continue;
    if (name.trim() === '') problems.push(`a tag name is empty: Azure refuses it; give every tag a name`);
    if (FORBIDDEN_IN_NAMES.test(name)) {
      problems.push(
        `tag name '${name}' contains one of < > % & \\ ? /: Azure refuses these in tag names; rename the tag`,
      );
    }
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      problems.push(
        `tag names '${other}' and '${name}' differ only in case: Azure compares tag names without case and ` +
          `keeps one of them; keep one name`,
      );
    }
    seen.set(name.toLowerCase(), name);
    if (typeof value !== 'string' && !Token.isUnresolved(value)) {
      problems.push(
        `tag '${name}' has ${value === null ? 'null' : `the ${typeof value} ${String(value)}`} as its value: ` +
          `Azure tag values are text; give text`,
      );
    }
  }
  return problems;
}

/**
 * The one reader of tag props. Checks literal tags against Azure's rules for every kind of resource they reach
 * (`limits`: the construct's own resource and every resource it passes the tags on to), so that the strictest
 * decides; each problem is recorded on `scope` as SE003 naming the prop. A map given as one Terraform expression
 * (a `map(string)` variable) passes through unchecked: its keys are known only at plan time. In a literal map,
 * keys are checked and values from expressions pass through. Returns the tags as given.
 */
export function readTags(
  scope: IConstruct,
  propName: string,
  value: unknown,
  limits: TagLimits | readonly TagLimits[],
): { [key: string]: string } | undefined {
  if (value === undefined || Token.isUnresolved(value)) return value as { [key: string]: string } | undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problemsOf(scope).report(
      'SE003',
      `${propName} is ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `${typeof value} ${String(value)}`}: ` +
        `tags are a map of names to text values, such as { environment: 'production' }`,
    );
    return undefined;
  }
  const tags = value as Record<string, unknown>;
  const all = Array.isArray(limits) ? (limits as readonly TagLimits[]) : [limits as TagLimits];
  const problems = [...universalProblems(tags), ...limitProblems(tags, all)];
  for (const problem of problems) {
    problemsOf(scope).report('SE003', `${propName} is refused: ${problem}`);
  }
  return tags as { [key: string]: string };
}
