/** One synth-time check: its stable code, what it refuses in one line, and where docs explain cause and fix. */
export interface CheckCode {
  /** The stable code, `SExxx`. */
  readonly code: string;
  /** What the rule refuses, in one line. */
  readonly summary: string;
  /** The page and anchor of docs/ that explains the check (linked from docs/checks.md). */
  readonly doc: string;
}

const WORKSPACE = 'workspace.md#checks';
const ENDPOINT = 'endpoint.md#checks';
const DEPLOYMENT = 'deployment.md#checks';
const AUTOSCALE = 'autoscale.md#checks';
const IDS_AND_TAGS = 'checks.md#arm-ids-and-tags';
const AZURE_KNOWLEDGE = 'checks.md#catalogs-limits-and-grammars';

/**
 * Every code this library reports. docs/checks.md lists the same codes with the same summaries, in the same
 * groups (a test compares them), so a code is never added, dropped or reworded in one place only.
 */
export const CHECK_CODES: readonly CheckCode[] = [
  {
    code: 'SE001',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary: 'a value of the wrong kind (text for an object, `null`, a number for a name)',
  },
  {
    code: 'SE002',
    doc: IDS_AND_TAGS,
    summary: 'an ARM id of another resource type, a GUID or other text where a resource id is expected',
  },
  {
    code: 'SE003',
    doc: IDS_AND_TAGS,
    summary: 'tags Azure refuses on the resource or on a resource they are passed on to',
  },
  {
    code: 'SE006',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary: 'a Terraform expression for a prop that must be known when the stack is synthesized',
  },
  {
    code: 'SE007',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary:
      'a Terraform expression of the wrong kind (a text token for a number, a number token for a yes/no)',
  },
  {
    code: 'SE008',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary: 'a `provider` of a type no resource of the construct uses',
  },
  {
    code: 'SE009',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary: 'a number that is not whole or outside its range, for a prop without a rule of its own',
  },
  {
    code: 'SE010',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary: 'a duration set both as a `Duration` and as its deprecated unit-suffixed number',
  },
  { code: 'SE101', doc: WORKSPACE, summary: 'invalid workspace name' },
  { code: 'SE102', doc: WORKSPACE, summary: 'invalid outbound rule name' },
  {
    code: 'SE103',
    doc: WORKSPACE,
    summary: 'FQDN or service-tag rule on a workspace that is not AllowOnlyApprovedOutbound',
  },
  {
    code: 'SE104',
    doc: WORKSPACE,
    summary: 'brought container registry not Premium while the workspace may be reachable only privately',
  },
  {
    code: 'SE105',
    doc: WORKSPACE,
    summary: 'no image-build compute while the container registry is not publicly reachable',
  },
  {
    code: 'SE106',
    doc: WORKSPACE,
    summary: 'brought Key Vault whose network ACL bypass is not `AzureServices`',
  },
  {
    code: 'SE107',
    doc: WORKSPACE,
    summary: 'public network access off (or an expression) with no inbound private endpoint and nothing said',
  },
  {
    code: 'SE108',
    doc: WORKSPACE,
    summary: 'associated resource in another subscription than the workspace (or two brought ones in two)',
  },
  { code: 'SE109', doc: WORKSPACE, summary: 'preview-only workspace property with a stable api-version' },
  { code: 'SE110', doc: WORKSPACE, summary: 'invalid image-build compute name' },
  { code: 'SE111', doc: WORKSPACE, summary: 'two different outbound rules with one name on one workspace' },
  {
    code: 'SE112',
    doc: WORKSPACE,
    summary:
      'invalid overridden name for a created storage account, Key Vault, registry, Log Analytics workspace or Application Insights',
  },
  {
    code: 'SE113',
    doc: WORKSPACE,
    summary: 'isolation Disabled with a private-only registry and the image-build cluster created here',
  },
  { code: 'SE114', doc: WORKSPACE, summary: '`provisionManagedNetwork: true` with isolation Disabled' },
  {
    code: 'SE115',
    doc: WORKSPACE,
    summary: 'a private-endpoint rule target that is missing or not an ARM id of the expected resource type',
  },
  {
    code: 'SE116',
    doc: WORKSPACE,
    summary: 'a private-endpoint outbound rule on a workspace with isolation Disabled',
  },
  { code: 'SE117', doc: WORKSPACE, summary: 'two workspaces with one name in one resource group' },
  {
    code: 'SE118',
    doc: WORKSPACE,
    summary: 'an imported workspace or inbound private endpoint missing a required attribute',
  },
  {
    code: 'SE119',
    doc: WORKSPACE,
    summary: 'an FQDN rule destination that is not a host name, or service-tag ports that are not ports',
  },
  { code: 'SE120', doc: WORKSPACE, summary: 'an image-build cluster node count or idle time out of range' },
  {
    code: 'SE242',
    doc: WORKSPACE,
    summary: "(plan) a live workspace's storage account changed (set only at creation)",
  },
  {
    code: 'SE243',
    doc: WORKSPACE,
    summary: "(plan) a live workspace's Key Vault changed (set only at creation)",
  },
  {
    code: 'SE244',
    doc: WORKSPACE,
    summary: "(plan) a live workspace's managed network disabled (its isolation mode set to Disabled)",
  },
  { code: 'SE121', doc: WORKSPACE, summary: 'an invalid inbound private endpoint name' },
  {
    code: 'SE122',
    doc: WORKSPACE,
    summary:
      'imported workspace attributes that contradict each other (id, name, group, subscription, storage)',
  },
  {
    code: 'SE123',
    doc: WORKSPACE,
    summary: 'two workspaces creating the same private DNS zones in one resource group',
  },
  {
    code: 'SE140',
    doc: WORKSPACE,
    summary: 'default workspace diagnostic logs on a workspace whose Log Analytics workspace is unknown',
  },
  {
    code: 'SE141',
    doc: WORKSPACE,
    summary: 'monitoring public network access off without an Azure Monitor private link scope',
  },
  {
    code: 'SE142',
    doc: WORKSPACE,
    summary: 'monitoring hardening settings with a brought Application Insights',
  },
  {
    code: 'SE143',
    doc: WORKSPACE,
    summary: 'a private DNS zone group left to policy and private DNS zone ids at once',
  },
  {
    code: 'SE145',
    doc: WORKSPACE,
    summary: 'a benchmark assignment id that is not a policy assignment id',
  },
  {
    code: 'SE146',
    doc: WORKSPACE,
    summary: 'one benchmark initiative given twice to one `BenchmarkExemptions`',
  },
  {
    code: 'SE160',
    doc: WORKSPACE,
    summary: 'a customer-managed key in a Key Vault without purge protection',
  },
  { code: 'SE161', doc: WORKSPACE, summary: 'a customer-managed key id that is not a Key Vault key URL' },
  {
    code: 'SE162',
    doc: WORKSPACE,
    summary:
      "a customer-managed key's vault the grant or the trusted services cannot open (access policies, bypass None)",
  },
  {
    code: 'SE163',
    doc: WORKSPACE,
    summary: 'a storage network access or infrastructure encryption option with a brought storage account',
  },
  {
    code: 'SE164',
    doc: WORKSPACE,
    summary:
      'storage allowed IP ranges that are empty, duplicated, private, /31 or /32, not IPv4, or over 400',
  },
  {
    code: 'SE166',
    doc: WORKSPACE,
    summary: 'identity-based datastores with an azurerm provider without `storageUseAzuread: true`',
  },
  { code: 'SE330', doc: WORKSPACE, summary: '`enableManagedNetwork` with isolation Disabled' },
  {
    code: 'SE331',
    doc: WORKSPACE,
    summary:
      '`enableManagedNetwork` with a firewall SKU and an isolation mode other than AllowOnlyApprovedOutbound',
  },
  { code: 'SE201', doc: ENDPOINT, summary: 'invalid endpoint name' },
  { code: 'SE203', doc: ENDPOINT, summary: 'traffic that does not sum to 100 (or 0)' },
  {
    code: 'SE204',
    doc: ENDPOINT,
    summary: 'traffic or mirror traffic naming a deployment the endpoint does not have',
  },
  {
    code: 'SE205',
    doc: ENDPOINT,
    summary: 'a mirror share outside 0 to 50 %, or mirrors summing to more than 50 %',
  },
  { code: 'SE206', doc: ENDPOINT, summary: 'mirror traffic to a deployment that takes live traffic' },
  { code: 'SE210', doc: ENDPOINT, summary: 'a private endpoint on a workspace nobody can reach privately' },
  { code: 'SE211', doc: ENDPOINT, summary: 'more than one deployment asking for all traffic' },
  { code: 'SE212', doc: ENDPOINT, summary: 'two deployments with one name on one endpoint' },
  { code: 'SE213', doc: ENDPOINT, summary: 'a traffic share that is not a whole percent from 0 to 100' },
  {
    code: 'SE214',
    doc: ENDPOINT,
    summary: 'a user-assigned endpoint identity on a workspace without a container registry',
  },
  { code: 'SE222', doc: ENDPOINT, summary: 'two endpoints with one name in one workspace' },
  { code: 'SE225', doc: ENDPOINT, summary: 'mirror traffic to more than one deployment' },
  { code: 'SE227', doc: ENDPOINT, summary: 'two endpoints with one name in one Azure region' },
  { code: 'SE228', doc: ENDPOINT, summary: 'an imported endpoint whose id and name (or workspace) disagree' },
  {
    code: 'SE229',
    doc: ENDPOINT,
    summary: 'more than one deployment whose `allTraffic` is a Terraform expression',
  },
  {
    code: 'SE240',
    doc: ENDPOINT,
    summary: "(plan) a live endpoint's identity type changed (set only at creation)",
  },
  {
    code: 'SE241',
    doc: ENDPOINT,
    summary: "(plan) a live endpoint's user-assigned identity changed (set only at creation)",
  },
  { code: 'SE310', doc: ENDPOINT, summary: '`grantInvoke` on a key-auth endpoint' },
  {
    code: 'SE311',
    doc: ENDPOINT,
    summary: 'a `grantInvoke` grantee whose principal id is missing or not a GUID',
  },
  {
    code: 'SE312',
    doc: ENDPOINT,
    summary: 'one role granted to one principal on one scope twice (the ids differing in letter case)',
  },
  {
    code: 'SE320',
    doc: ENDPOINT,
    summary: 'default endpoint logs on a workspace whose Log Analytics workspace is unknown',
  },
  { code: 'SE202', doc: DEPLOYMENT, summary: 'invalid deployment name' },
  {
    code: 'SE207',
    doc: DEPLOYMENT,
    summary: 'an MLflow model with an environment but no scoring code (give both, or neither)',
  },
  { code: 'SE208', doc: DEPLOYMENT, summary: 'code without an environment' },
  {
    code: 'SE209',
    doc: DEPLOYMENT,
    summary: 'legacy `egressPublicNetworkAccess: ENABLED` with a private-only container registry',
  },
  {
    code: 'SE215',
    doc: DEPLOYMENT,
    summary: 'a missing local model, code folder or conda file, an empty folder, a dangling link',
  },
  {
    code: 'SE216',
    doc: DEPLOYMENT,
    summary: 'an instance count, request setting, probe setting or duration out of range',
  },
  { code: 'SE217', doc: DEPLOYMENT, summary: 'a malformed asset id, or the id of another kind of asset' },
  { code: 'SE218', doc: DEPLOYMENT, summary: 'a scoring script that is not in the code folder' },
  { code: 'SE219', doc: DEPLOYMENT, summary: 'an MLflow model folder without an `MLmodel` file' },
  { code: 'SE220', doc: DEPLOYMENT, summary: 'a custom model without an environment' },
  {
    code: 'SE221',
    doc: DEPLOYMENT,
    summary: 'one asset name and version registered twice with different properties',
  },
  { code: 'SE226', doc: DEPLOYMENT, summary: 'an invalid asset (container) name' },
  { code: 'SE223', doc: DEPLOYMENT, summary: 'an empty or malformed instance type or image reference' },
  { code: 'SE224', doc: DEPLOYMENT, summary: 'a conda file that is not a YAML mapping' },
  { code: 'SE301', doc: AUTOSCALE, summary: '`minInstances` above `maxInstances`' },
  {
    code: 'SE302',
    doc: AUTOSCALE,
    summary:
      'an autoscale instance count outside 1 to 50 or not whole, or `instanceCount` outside the autoscale range',
  },
  { code: 'SE303', doc: AUTOSCALE, summary: 'a second autoscale setting on one deployment' },
  {
    code: 'SE304',
    doc: AUTOSCALE,
    summary: 'a reused scaling id, more than five metric scalings, more than 20 profiles',
  },
  {
    code: 'SE305',
    doc: AUTOSCALE,
    summary: 'a metric scaling value out of range, or a scale-in threshold not below the scale-out one',
  },
  { code: 'SE306', doc: AUTOSCALE, summary: 'an invalid schedule (hour, minute, days, fixed window)' },
  {
    code: 'SE307',
    doc: AUTOSCALE,
    summary: 'a schedule time zone that is not a Windows time zone name (`Europe/Berlin`)',
  },
  { code: 'SE308', doc: AUTOSCALE, summary: 'two scheduled windows of one time zone that overlap' },
  {
    code: 'SE400',
    doc: AZURE_KNOWLEDGE,
    summary: 'an instance type that is not in the managed online endpoints SKU list',
  },
  { code: 'SE401', doc: AZURE_KNOWLEDGE, summary: 'a location that is not an Azure region' },
  { code: 'SE410', doc: AZURE_KNOWLEDGE, summary: 'more than 20 deployments on one endpoint' },
  {
    code: 'SE412',
    doc: AZURE_KNOWLEDGE,
    summary: 'an event hub id (or other text) where the event hub name belongs',
  },
  {
    code: 'SE411',
    doc: AZURE_KNOWLEDGE,
    summary: 'a service-tag address prefix that is not an IP address or CIDR range (a host name)',
  },
  {
    code: 'SE402',
    doc: AZURE_KNOWLEDGE,
    summary: 'a service tag that Azure does not have (or a regional form of one that has none)',
  },
  {
    code: 'SE450',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary: 'an element of a Terraform list taken with `[i]` (`listValue[0]`) where text is expected',
  },
  {
    code: 'SE451',
    doc: ENDPOINT,
    summary: 'traffic naming one deployment twice (keys differing only in letter case)',
  },
  { code: 'SE452', doc: ENDPOINT, summary: '`mirrorTraffic` given a deployment of another endpoint' },
  {
    code: 'SE453',
    doc: ENDPOINT,
    summary: '`routeTraffic` keeping the share of a deployment this stack makes',
  },
  { code: 'SE454', doc: DEPLOYMENT, summary: 'a scoring script that is not a Python file (a notebook)' },
  { code: 'SE455', doc: DEPLOYMENT, summary: 'a scoring script that does not define `init()` and `run()`' },
  {
    code: 'SE456',
    doc: DEPLOYMENT,
    summary: 'a conda file whose `dependencies` is not a list of package specs and `pip:` lists',
  },
  {
    code: 'SE457',
    doc: DEPLOYMENT,
    summary: 'an MLflow `MLmodel` file that is empty, not YAML, or has no flavor',
  },
  { code: 'SE458', doc: DEPLOYMENT, summary: 'a model whose files are all empty' },
  {
    code: 'SE459',
    doc: WORKSPACE,
    summary: 'a `firewallSku` with an isolation mode other than AllowOnlyApprovedOutbound',
  },
  {
    code: 'SE460',
    doc: 'checks.md#values-of-the-wrong-kind',
    summary: 'a workspace, endpoint or deployment object of another stack',
  },
  {
    code: 'SE461',
    doc: WORKSPACE,
    summary: 'a brought default storage account with hierarchical namespace or of the Premium tier',
  },
  {
    code: 'SE462',
    doc: IDS_AND_TAGS,
    summary: "an identity's ARM id, or its other id, where its principal or client id belongs",
  },
  {
    code: 'SE463',
    doc: WORKSPACE,
    summary: 'inbound private DNS zones other than the two the workspace private endpoint needs',
  },
  {
    code: 'SE464',
    doc: WORKSPACE,
    summary: "an inbound private endpoint in another region than its subnet's virtual network",
  },
  {
    code: 'SE465',
    doc: ENDPOINT,
    summary: 'a log archive storage account in another region than the endpoint, or Premium',
  },
];
