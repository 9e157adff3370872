import { Construct } from 'constructs';
import { Precondition, Token } from 'cdktf';
import { CreateOnlyProperty, createOnlyProperties } from '../arm/create-only';
import { AzapiResource, DataAzapiResource } from '../azapi';

/** What the guard compares, for one resource. */
export interface CreateOnlyGuardProps {
  /** The azapi `type` (with api-version) the live resource is read with. */
  readonly type: string;
  /** The ARM id of the resource, built from names so that the read runs at plan time (not from the resource). */
  readonly liveId: string;
  /** The resource as messages name it, e.g. `endpoint 'endpt-moe-1'`. */
  readonly subject: string;
  /** The code's value per `path` of the resource type's `refuse` rows: text, or user-assigned identity ids. */
  readonly wanted: { readonly [path: string]: string | readonly string[] | undefined };
}

/**
 * Refuses at plan a change of a property Azure sets only at creation (the `refuse` rows of
 * `CREATE_ONLY_PROPERTIES` for the resource's type): a read of the live resource (`LiveCreateOnly`, by an id
 * built from names, a 404 ignored) and one `precondition` per row on the resource, which stops the plan when the
 * resource exists and the code's value differs from the live one. Nothing is written, the resource keeps
 * serving, and the message names the change, why Azure refuses it and the way out. A row whose live value is not
 * reported (a resource made by an older release, a property Azure omits) is not judged. Returns the
 * preconditions, which the caller adds to the resource's `lifecycle`.
 *
 * When the code's value is a Terraform expression known only at apply, the precondition is checked during the
 * apply, still before the resource is written.
 * @internal
 */
export function createOnlyPreconditions(
  scope: Construct,
  resource: AzapiResource,
  props: CreateOnlyGuardProps,
): Precondition[] {
  const rows = createOnlyProperties(armType(resource), 'refuse');
  if (rows.length === 0) return [];
  const live = new DataAzapiResource(scope, 'LiveCreateOnly', {
    type: props.type,
    resourceId: props.liveId,
    ignoreNotFound: true,
    responseExportValues: Object.fromEntries(rows.map((row, i) => [key(i), row.path])),
  });
  return rows.map((row, i) => precondition(row, `${live.fqn}`, key(i), props));
}

/** `Microsoft.MachineLearningServices/workspaces/onlineEndpoints@v` -> `workspaces/onlineEndpoints`. */
function armType(resource: AzapiResource): string {
  const type = String(resource.typeInput ?? '');
  return type.replace(/^Microsoft\.MachineLearningServices\//i, '').replace(/@.*$/, '');
}

function key(index: number): string {
  return `p${index}`;
}

function precondition(
  row: CreateOnlyProperty,
  data: string,
  exportKey: string,
  props: CreateOnlyGuardProps,
): Precondition {
  const raw = `try(${data}.output.${exportKey}, null)`;
  const wanted = props.wanted[row.path];
  // Every step is wrapped in try(): Terraform's || does not short-circuit, so the values are evaluated even
  // when the resource does not exist yet.
  const [liveValue, wantedValue] =
    row.comparison === 'keys'
      ? [
          `try(join(",", sort([for k in keys(${raw}) : lower(k)])), "")`,
          `join(",", sort([for k in ${hclList(wanted)} : lower(k)]))`,
        ]
      : [`try(lower(tostring(${raw})), "")`, `lower(${hclText(wanted)})`];
  // A row whose live value Azure does not report is not judged.
  const reported = `try(${data}.exists && ${raw} != null, false)`;
  const allowed =
    row.refusedChanges === undefined
      ? `${liveValue} == ${wantedValue}`
      : `!contains([${row.refusedChanges
          .map(([from, to]) => JSON.stringify(`${from}>${to}`.toLowerCase()))
          .join(', ')}], "\${${liveValue}}>\${${wantedValue}}")`;
  const shownLive =
    row.comparison === 'keys'
      ? `try(coalesce(join(", ", keys(${raw}))), "none")`
      : `try(coalesce(tostring(${raw})), "none")`;
  const shown = (value: string | readonly string[] | undefined): string =>
    typeof value === 'string' ? value : value === undefined || value.length === 0 ? 'none' : value.join(', ');
  return {
    condition: `\${!(${reported}) || ${allowed}}`,
    errorMessage:
      `${row.code}: ${props.subject} ${row.prop} changes from '\${${shownLive}}' to '${shown(wanted)}': ` +
      `${row.why}. Nothing was changed. The way out: ${row.wayOut}`,
  };
}

/**
 * A text inside an HCL expression: a literal quoted; a Terraform token as it is (inside an interpolation cdktf
 * resolves it to the bare expression, `azurerm_storage_account.x.id`).
 */
function hclText(value: string | readonly string[] | undefined): string {
  if (typeof value !== 'string') return '""';
  return Token.isUnresolved(value) ? value : JSON.stringify(value);
}

function hclList(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '[]';
  const list = typeof value === 'string' ? [value] : value;
  return `[${list.map((v) => hclText(v)).join(', ')}]`;
}

/** Adds `preconditions` to the resource's `lifecycle`, after those it has. @internal */
export function addPreconditions(resource: AzapiResource, preconditions: Precondition[]): void {
  if (preconditions.length === 0) return;
  const lifecycle = resource.lifecycle ?? {};
  resource.lifecycle = { ...lifecycle, precondition: [...(lifecycle.precondition ?? []), ...preconditions] };
}
