import { Fn, Op, Precondition, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isKnown } from './configuration-error';
import { problemsOf } from './validation';
import { shown } from './uniqueness';

/** The parts of an ARM resource id: `/subscriptions/<s>/resourceGroups/<g>/providers/<ns>/<type>/<name>[/<type>/<name>...]`. */
export interface ArmId {
  /** Subscription id, lower-case (Azure compares it without case). */
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** `Microsoft.Storage/storageAccounts`, `Microsoft.MachineLearningServices/workspaces/onlineEndpoints`. */
  readonly resourceType: string;
  /** The last name in the id (the resource's own name). */
  readonly name: string;
  /** The names along the type path: `[workspace, endpoint]` for an endpoint id. */
  readonly names: readonly string[];
}

const PREFIX = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)\/(.+))?$/i;

/**
 * Parses a known ARM resource id; undefined for an unresolved token (it cannot be judged) and for text that is
 * not a resource id (callers that need an id report that). The one parser of ids in this library.
 */
export function parseArmId(id: string | undefined): ArmId | undefined {
  if (!isKnown(id) || typeof id !== 'string') return undefined;
  const match = PREFIX.exec(id);
  if (match === null) return undefined;
  if (match[3] === undefined) {
    // A resource group's own id.
    const group = { resourceType: 'Microsoft.Resources/resourceGroups', name: match[2], names: [match[2]] };
    return { subscriptionId: match[1].toLowerCase(), resourceGroup: match[2], ...group };
  }
  const rest = match[4].split('/');
  if (rest.length % 2 !== 0 || rest.some((s) => s.length === 0)) return undefined;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return {
    subscriptionId: match[1].toLowerCase(),
    resourceGroup: match[2],
    resourceType: [match[3], ...types].join('/'),
    name: names[names.length - 1],
    names,
  };
}

/**
 * Why `id` is not the ARM id of a resource of `resourceType` (compared without case, as ARM does), or undefined
 * when it is one or when it is an unresolved token.
 */
export function armIdProblem(id: string | undefined, resourceType: string): string | undefined {
  if (id === undefined || id === '') return `it is empty; give the ARM id of a ${resourceType}`;
  if (!isKnown(id)) return undefined;
  const parsed = parseArmId(id);
  const example = `/subscriptions/<subscription>/resourceGroups/<group>/providers/${resourceType}/<name>`;
  if (parsed === undefined) return `it is not an ARM resource id; give one like '${example}'`;
  if (parsed.resourceType.toLowerCase() !== resourceType.toLowerCase()) {
    return `it is the id of a ${parsed.resourceType}, not of a ${resourceType}; give one like '${example}'`;
  }
  return armIdGrammarProblem(id);
}

/**
 * The grammar of an id's fixed segments, from Azure Resource Manager's naming rules ("Naming rules and
 * restrictions for Azure resources", Microsoft.Resources): a subscription id is a GUID; a resource group name is
 * 1 to 90 letters, digits, `_`, `-`, `.`, `(` and `)` (Unicode letters included), not ending in `.`; a name in the
 * type path has no space, `?`, `#` or `%` (ARM refuses them in any resource name it routes). A segment that is a
 * Terraform expression inside literal text (`/subscriptions/${var.sub}/...`) is not judged.
 */
const ARM_ID_GRAMMAR = {
  subscription: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  resourceGroup: /^[-\w.()\p{L}]{1,90}$/u,
  resourceGroupEnd: /\.$/,
  name: /^[^\s?#%]+$/,
};

/** Why the segments of a well-formed id break ARM's grammar, or undefined. */
function armIdGrammarProblem(id: string): string | undefined {
  const parsed = parseArmId(id);
  if (parsed === undefined) return undefined;
  const unresolved = (segment: string) => segment.includes('${') || Token.isUnresolved(segment);
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
  if (!unresolved(subscription) && !ARM_ID_GRAMMAR.subscription.test(subscription)) {
    return `its subscription '${subscription}' is not a subscription id (a GUID such as '00000000-0000-0000-0000-000000000000')`;
  }
  const group = parsed.resourceGroup;
  if (
    !unresolved(group) &&
    (!ARM_ID_GRAMMAR.resourceGroup.test(group) || ARM_ID_GRAMMAR.resourceGroupEnd.test(group))
  ) {
    return `its resource group '${group}' is not 1 to 90 letters, digits, '_', '-', '.', '(' and ')' not ending in '.'`;
  }
  const badName = parsed.names.find((n) => !unresolved(n) && !ARM_ID_GRAMMAR.name.test(n));
  if (badName !== undefined)
    return `its name '${badName}' has a space, '?', '#' or '%', which ARM refuses in names`;
  return undefined;
}

/** The subscription of an ARM id (lower-case), when the id is known and well formed. */
export function subscriptionOf(id: string | undefined): string | undefined {
  return parseArmId(id)?.subscriptionId;
}

/**
 * The name of a top-level resource from its id: the last name when the id is known, a Terraform
 * `element(split("/", id), 8)` expression when it is a token (resolved at plan time).
 */
export function topLevelNameFromId(id: string): string {
  if (isKnown(id)) return parseArmId(id)?.name ?? id;
  return Fn.element(Fn.split('/', id), 8);
}

/**
 * The id of the top-level resource an id belongs to (a subnet's virtual network): the id when known, a Terraform
 * `join("/", slice(split("/", id), 0, 9))` expression when it is a token.
 */
export function topLevelIdOf(id: string): string {
  if (isKnown(id)) {
    const parsed = parseArmId(id);
    if (parsed === undefined || parsed.names.length <= 1) return id;
    return id.split('/').slice(0, 9).join('/');
  }
  return Fn.join('/', Fn.slice(Fn.split('/', id), 0, 9));
}

/**
 * A kind of Azure resource an id prop expects: its ARM type (`Microsoft.Storage/storageAccounts`) and what users
 * call it. Compared without case, as ARM compares types.
 */
export interface ArmResourceType {
  /** The ARM resource type, nested types joined by `/`. */
  readonly type: string;
  /** What it is called in messages (`storage account`). */
  readonly label: string;
}

/** `a storage account`, `an Application Insights component`. */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

function armType(type: string, label: string): ArmResourceType {
  return { type, label };
}

/** The resource types the public props of this library take ids of. */
export const ARM_TYPES = {
  RESOURCE_GROUP: armType('Microsoft.Resources/resourceGroups', 'resource group'),
  STORAGE_ACCOUNT: armType('Microsoft.Storage/storageAccounts', 'storage account'),
  KEY_VAULT: armType('Microsoft.KeyVault/vaults', 'Key Vault'),
  CONTAINER_REGISTRY: armType('Microsoft.ContainerRegistry/registries', 'container registry'),
  APPLICATION_INSIGHTS: armType('Microsoft.Insights/components', 'Application Insights component'),
  LOG_ANALYTICS_WORKSPACE: armType('Microsoft.OperationalInsights/workspaces', 'Log Analytics workspace'),
  MONITOR_PRIVATE_LINK_SCOPE: armType(
    'Microsoft.Insights/privateLinkScopes',
    'Azure Monitor private link scope',
  ),
  EVENT_HUB_AUTHORIZATION_RULE: armType(
    'Microsoft.EventHub/namespaces/authorizationRules',
    'Event Hub namespace authorization rule',
  ),
  USER_ASSIGNED_IDENTITY: armType(
    'Microsoft.ManagedIdentity/userAssignedIdentities',
    'user-assigned managed identity',
  ),
  ML_WORKSPACE: armType('Microsoft.MachineLearningServices/workspaces', 'Machine Learning workspace'),
  ML_ONLINE_ENDPOINT: armType(
    'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
    'Machine Learning online endpoint',
  ),
  ML_ONLINE_DEPLOYMENT: armType(
    'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
    'Machine Learning online deployment',
  ),
  ML_REGISTRY: armType('Microsoft.MachineLearningServices/registries', 'Machine Learning registry'),
  VIRTUAL_NETWORK: armType('Microsoft.Network/virtualNetworks', 'virtual network'),
  SUBNET: armType('Microsoft.Network/virtualNetworks/subnets', 'subnet'),
  PRIVATE_DNS_ZONE: armType('Microsoft.Network/privateDnsZones', 'private DNS zone'),
} as const;

/** A GUID: what a client id, principal id, tenant id or subscription id looks like (never a resource id). */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.X/a/<name>/b/<name>`. */
function exampleId(expected: ArmResourceType): string {
  if (expected.type.toLowerCase() === ARM_TYPES.RESOURCE_GROUP.type.toLowerCase()) {
    return '/subscriptions/<subscription>/resourceGroups/<group>';
  }
  const [namespace, ...types] = expected.type.split('/');
  return (
    `/subscriptions/<subscription>/resourceGroups/<group>/providers/${namespace}/` +
    types.map((t) => `${t}/<name>`).join('/')
  );
}

/**
 * Why a known value is not the ARM id of a resource of the expected type (compared without case), or undefined
 * when it is one. Says what the value is instead: another type's id, a GUID (a client or principal id), text.
 */
export function armIdMismatch(value: string, expected: ArmResourceType): string | undefined {
  const parsed = parseArmId(value);
  if (parsed !== undefined && parsed.resourceType.toLowerCase() === expected.type.toLowerCase()) {
    const grammar = armIdGrammarProblem(value);
    return grammar === undefined
      ? undefined
      : `${grammar}; give the id as Azure prints it (the resource's 'id' attribute, or az resource show --query id)`;
  }
  const fix = `give the ARM id of ${withArticle(expected.label)}, like '${exampleId(expected)}'`;
  if (value.trim() === '') return `it is empty; ${fix}`;
  if (GUID_PATTERN.test(value.trim())) {
    return (
      `it is a GUID (a client, principal, tenant or subscription id), not a resource id; ${fix} ` +
      `(an azurerm resource's 'id' attribute)`
    );
  }
  if (parsed === undefined) return `it is not an ARM resource id; ${fix}`;
  return `it is the id of a ${parsed.resourceType}, not of ${withArticle(expected.label)} (${expected.type}); ${fix}`;
}

/** Options of `readArmId`. */
export interface ArmIdReadOptions {
  /** The prop may be left unset. @default false */
  readonly optional?: boolean;
  /**
   * Empty text means unset (azurerm gives `''` for an attribute a resource does not have), also at plan time.
   * @default false
   */
  readonly emptyMeansUnset?: boolean;
}

/**
 * SE002 for a literal id of another resource type given to a construct that its parent usually builds (the
 * plumbing constructs: managed-network provisioning, diagnostics, invoke access, autoscale). A value of another kind
 * is its props reader's to report, and a token is a reference made by the parent, of the right type.
 */
export function checkLiteralArmId(
  scope: IConstruct,
  propName: string,
  value: unknown,
  expected: ArmResourceType,
): void {
  if (typeof value !== 'string' || Token.isUnresolved(value)) return;
  readArmId(scope, propName, value, expected);
}

/**
 * The one reader of ARM id props. A literal id of another resource type (compared without case, as ARM does), a
 * GUID where a resource id is expected (an identity's client id), text that is no id, or a value that is not
 * text is recorded on `scope` as SE002 naming the prop, the value, the expected type and the fix; construction
 * goes on with the value as given. A Terraform expression is judged at synth when its type is certain (the `id`
 * of an azurerm resource of a known kind, text with literal type segments around expressions); otherwise
 * `armIdPreconditions` turns it into a plan-time check. Returns the value (undefined when unset and optional).
 */
export function readArmId(
  scope: IConstruct,
  propName: string,
  value: unknown,
  expected: ArmResourceType,
  options: ArmIdReadOptions = {},
): string | undefined {
  if (value === undefined && options.optional === true) return undefined;
  if (value === '' && options.emptyMeansUnset === true) return undefined;
  if (typeof value !== 'string') {
    if (Token.isUnresolved(value)) {
      problemsOf(scope).report(
        'SE002',
        `${propName} is a Terraform expression that is not text; give the id of ${withArticle(expected.label)}`,
      );
      return undefined;
    }
    const what =
      value === undefined ? 'not set' : value === null ? 'null' : `${typeof value} ${String(value)}`;
    problemsOf(scope).report(
      'SE002',
      `${propName} is ${what}, not an ARM id: ` +
        `${armIdMismatch('', expected)?.replace(/^it is empty; /, '')}`,
    );
    return undefined;
  }
  if (!isKnown(value)) {
    const referenced = referencedType(scope, value) ?? skeletonType(value);
    if (referenced === undefined) {
      recordPlanTimeCheck(scope, propName, value, expected, options.emptyMeansUnset === true);
    } else if (referenced.type.toLowerCase() !== expected.type.toLowerCase()) {
      problemsOf(scope).report(
        'SE002',
        `${propName} '${shown(scope, value)}' is refused: it is the id of ${withArticle(referenced.label)} ` +
          `(${referenced.type}), not of ${withArticle(expected.label)} (${expected.type}); pass the ` +
          `${expected.label} instead`,
      );
    }
    return value;
  }
  const problem = armIdMismatch(value, expected);
  if (problem !== undefined)
    problemsOf(scope).report('SE002', `${propName} '${value}' is refused: ${problem}`);
  return value;
}

/** The ARM types of the azurerm resources and data sources whose `id` props are commonly given. */
const AZURERM_TYPES: Record<string, ArmResourceType> = {
  azurerm_resource_group: ARM_TYPES.RESOURCE_GROUP,
  azurerm_storage_account: ARM_TYPES.STORAGE_ACCOUNT,
  azurerm_key_vault: ARM_TYPES.KEY_VAULT,
  azurerm_container_registry: ARM_TYPES.CONTAINER_REGISTRY,
  azurerm_application_insights: ARM_TYPES.APPLICATION_INSIGHTS,
  azurerm_log_analytics_workspace: ARM_TYPES.LOG_ANALYTICS_WORKSPACE,
  azurerm_eventhub_namespace_authorization_rule: ARM_TYPES.EVENT_HUB_AUTHORIZATION_RULE,
  azurerm_user_assigned_identity: ARM_TYPES.USER_ASSIGNED_IDENTITY,
  azurerm_machine_learning_workspace: ARM_TYPES.ML_WORKSPACE,
  azurerm_virtual_network: ARM_TYPES.VIRTUAL_NETWORK,
  azurerm_subnet: ARM_TYPES.SUBNET,
  azurerm_private_dns_zone: ARM_TYPES.PRIVATE_DNS_ZONE,
};

/**
 * The resource type an id expression names when it is the `id` of an azurerm resource or data source of a
 * known kind (`${azurerm_key_vault.kv.id}`): then the type is certain at synth, and no plan-time check is needed.
 */
function referencedType(scope: IConstruct, value: string): ArmResourceType | undefined {
  const match = /^\$\{(?:data\.)?(azurerm_[a-z0-9_]+)\.[^.}]+\.([a-z_]+)\}$/.exec(shown(scope, value));
  if (match === null) return undefined;
  if (match[2] === 'id') return AZURERM_TYPES[match[1]];
  // Attributes that hold another resource's id (or '' when there is none).
  if (`${match[1]}.${match[2]}` === 'azurerm_application_insights.workspace_id') {
    return ARM_TYPES.LOG_ANALYTICS_WORKSPACE;
  }
  return undefined;
}

/**
 * The resource type of an id written as text around expressions (`/subscriptions/${var.sub}/resourceGroups/...`):
 * when every type segment is literal, the type is known at synth whatever the names turn out to be.
 */
function skeletonType(value: string): ArmResourceType | undefined {
  const skeleton = value.replace(/[$#]\{TfToken\[[^\]]+\]\}/g, 'x');
  if (skeleton === 'x' || skeleton === value) return undefined;
  const parsed = parseArmId(skeleton);
  // A type segment from an expression: the type is not known at synth.
  if (parsed === undefined || parsed.resourceType.split('/').includes('x')) return undefined;
  const known = Object.values(ARM_TYPES).find(
    (t) => t.type.toLowerCase() === parsed.resourceType.toLowerCase(),
  );
  return known ?? { type: parsed.resourceType, label: parsed.resourceType };
}

// The plan-time checks a construct has yet to hand out, held on the construct itself.
const PLAN_TIME_CHECKS = Symbol('planTimeChecks');

function planTimeChecksOf(scope: IConstruct): Precondition[] {
  const holder = scope as IConstruct & { [PLAN_TIME_CHECKS]?: Precondition[] };
  let list = holder[PLAN_TIME_CHECKS];
  if (list === undefined) {
    list = [];
    Object.defineProperty(holder, PLAN_TIME_CHECKS, { value: list, enumerable: false });
  }
  return list;
}

/**
 * The Terraform condition that `id` (an expression) names a resource of `expected`: the type segments of the id
 * compared without case. `can(regex(...))` is false for anything that is no ARM id of that type.
 */
export function armIdCondition(id: string, expected: ArmResourceType, emptyMeansUnset = false): string {
  const [namespace, ...types] = expected.type.split('/');
  const literal = (s: string): string => s.replace(/[^A-Za-z0-9]/g, (c) => `[${c}]`);
  const pattern =
    expected.type.toLowerCase() === ARM_TYPES.RESOURCE_GROUP.type.toLowerCase()
      ? '(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+$'
      : `(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${literal(namespace)}` +
        types.map((t) => `/${literal(t)}/[^/]+`).join('') +
        '$';
  const matches = Fn.can(Fn.regex(pattern, id));
  return Token.asString(emptyMeansUnset ? Op.or(Op.lt(Fn.lengthOf(id), 1), matches) : matches);
}

/**
 * Records a plan-time check for `scope` beside those of `readArmId` (a condition on ids from expressions that
 * the construct adds itself); handed out with them by `armIdPreconditions`.
 */
export function addPlanTimeCheck(scope: IConstruct, precondition: Precondition): void {
  planTimeChecksOf(scope).push(precondition);
}

function recordPlanTimeCheck(
  scope: IConstruct,
  propName: string,
  id: string,
  expected: ArmResourceType,
  emptyMeansUnset: boolean,
): void {
  planTimeChecksOf(scope).push({
    condition: armIdCondition(id, expected, emptyMeansUnset),
    errorMessage:
      `SE002 at ${scope.node.path}: ${propName} '${id}' is not the ARM id of ${withArticle(expected.label)} ` +
      `(${expected.type}); give the id of ${withArticle(expected.label)}, like '${exampleId(expected)}'.`,
  });
}

/**
 * The plan-time checks of the token ids `readArmId` read for `scope`: `lifecycle.precondition` entries for the
 * resource that uses them (Terraform stops the plan, or the apply when the id is known only then, before that
 * resource is touched). Each check is handed out once.
 */
export function armIdPreconditions(scope: IConstruct): Precondition[] {
  const list = planTimeChecksOf(scope);
  return list.splice(0, list.length);
}

/**
 * `lifecycle` for the resource that uses the ids `readArmId` read for `scope`: their plan-time checks as
 * preconditions, or undefined when there are none (the resource then has no lifecycle block).
 */
export function armIdLifecycle(scope: IConstruct): { precondition: Precondition[] } | undefined {
  const precondition = armIdPreconditions(scope);
  return precondition.length > 0 ? { precondition } : undefined;
}

/**
 * A literal id of `expected`'s type written in the casing azurerm's id parsers need: they compare the fixed
 * segments (`subscriptions`, `resourceGroups`, `providers`, the namespace and type names) with case, so an id
 * exactly as the Azure CLI prints some of them (`/resourcegroups/`, `microsoft.operationalinsights`) fails
 * `terraform validate`. ARM itself compares ids without case: only the fixed segments are rewritten, names and
 * the subscription stay as given. An expression, or text that is not an id of that type (refused by its
 * reader, SE002), is returned as it is. Used where an id is handed to an azurerm resource; azapi and ARM take
 * any casing, and what they were given before is not rewritten (a live resource is not touched).
 */
export function canonicalArmId<T extends string | undefined>(id: T, expected: ArmResourceType): T {
  if (id === undefined || !isKnown(id) || typeof id !== 'string') return id;
  const parsed = parseArmId(id);
  if (parsed === undefined || parsed.resourceType.toLowerCase() !== expected.type.toLowerCase()) return id;
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? parsed.subscriptionId;
  const group = `/subscriptions/${subscription}/resourceGroups/${parsed.resourceGroup}`;
  if (expected.type.toLowerCase() === ARM_TYPES.RESOURCE_GROUP.type.toLowerCase()) return group as T;
  const [namespace, ...types] = expected.type.split('/');
  const path = types.map((type, i) => `/${type}/${parsed.names[i]}`).join('');
  return `${group}/providers/${namespace}${path}` as T;
}
