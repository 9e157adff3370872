/**
 * The last column of the tables in docs/security.md: per built-in definition (by its GUID), why a stack of the
 * library is not compliant with it, whether that is deliberate, and what closes it. The posture test requires a
 * note for every definition a layout does not comply with (non-compliant or undecidable), so the page explains
 * every gap; update the note when an option or a default changes the verdict.
 */
export const NOTES: Readonly<Record<string, string>> = {
  // Container Registry
  '5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580':
    'No customer-managed key by default: it costs a Key Vault key and an identity, and a registry takes one only when created. `customerManagedKey` encrypts the created registry (on in the hardened layout); MCSB and MCSBv2 assign it Disabled.',
  '42781ec6-6127-4c30-bdfa-fb423a0047d3':
    'azurerm has no argument for it; the registry accepts ARM-audience tokens until `az acr config authentication-as-arm update --status disabled` is run against it. Not assigned by MCSB or MCSBv2.',
  '524b0254-c285-4903-bee6-bb8126cde579':
    'The created registry has public network access off and exports off (`export_policy_enabled = false`, a default that applies in place).',
  'e8eef0a8-67cf-4eb4-9386-14b0e78733d4':
    'Azure creates the private endpoint from the managed network to the registry when the network is provisioned (Azure ML "Managed virtual network isolation", required outbound rules); the stack cannot show it, so it is not counted as compliant.',
  // Key Vault
  '405c5871-3e91-4644-8a63-58e19d68ff5b':
    'The created vault has public network access off (a default that applies in place); private endpoints and trusted Azure services still reach it.',
  'a6abeaec-4d90-4a02-805f-6b26c4d3fbe9':
    'Azure creates the private endpoint from the managed network to the vault when the network is provisioned (Azure ML "Managed virtual network isolation", required outbound rules); the stack cannot show it, so it is not counted as compliant.',
  'cf820ca0-f99e-4f3e-84fb-66e913812d21':
    "The created vault sends category groups `audit` and `allLogs` and its metrics to the workspace's Log Analytics workspace (`diagnosticLogs`, on by default); a brought vault is its owner's. The hardened layout does the same for the vault holding the key.",
  // Machine Learning
  '19539b54-c61e-4196-9a38-67598701be90':
    "The rule reads the model's asset id, here the id of a workspace model version the stack creates (known only at apply); a workspace model is never a registry model. MCSBv2 assigns it Disabled.",
  '6ddb1705-c8cf-450e-aa4b-19ad6703c440':
    'Contradicts a secure default, evaluated as MCSBv2 assigns it (no parameters): the rule compares with its parameter `isolationMode`, whose default is `Disabled`, so the assignment flags every managed network, `AllowOnlyApprovedOutbound` included. Exempt the workspace, or assign it yourself with `isolationMode: AllowOnlyApprovedOutbound` (see below). The hardened layout creates the exemption (`Mitigated`) when given the assignment id (variable `mcsb_v2_policy_assignment_id`): exempt then, which the JSON alone cannot confirm.',
  '7804b5c7-01dc-4723-969b-ae300cc07ff1':
    'Contradicts the how-to: the image-build cluster runs in the managed network, which has no customer subnet. Exempt it (see below), or `ImageBuildCompute.existing()` with a compute of your own in your network. The hardened layout creates the exemptions (`Mitigated`) when given the assignment ids (variables `mcsb_policy_assignment_id`, `mcsb_v2_policy_assignment_id`): exempt then, which the JSON alone cannot confirm.',
  'e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f':
    "On by default for a cluster the stack creates; a cluster that already exists keeps its own setting, read at plan time (Azure sets `disableLocalAuth` only when a cluster is created, so changing it would replace the cluster of every stack of an earlier release). From the Terraform JSON alone the value is therefore a plan-time expression: compliant on a new stack, unchanged on an upgraded one. `ImageBuildCompute.cluster({ disableLocalAuth: true })` forces it (hardened layout), replacing an upgraded stack's idle cluster.",
  'ba769a63-b8cc-4b2d-abf6-ac33c7204be8':
    'Not a default: a customer-managed key costs a Key Vault key and Azure-managed resources in your subscription, and is set when the workspace is created. `customerManagedKey` closes it (hardened layout); MCSB and MCSBv2 assign it Disabled.',
  '7f40cee6-e933-4d0f-a782-b96615e0f4a6':
    'The same rule as an existence check; `customerManagedKey` closes it (hardened layout).',
  'e413671a-dd10-4cc1-a943-45b598596cb7':
    'Contradicts the how-to: managed online endpoints need `v1LegacyMode: false`, which the library always sends. Exempt the workspaces (see below); neither MCSB nor MCSBv2 assigns it.',
  '5f0c7d88-c7de-45b8-ac49-db49e72eaa78':
    'The workspace uses its system-assigned identity by default (Azure grants its roles). `identity: WorkspaceIdentity.userAssigned(...)` closes it (hardened layout, with `assignRoles: true`).',
  'afe0c3be-ba3b-4544-ba52-0c99672a8ad6':
    'The workspace sends category groups `audit` and `allLogs` and its metrics to its Log Analytics workspace (`diagnosticLogs`, on by default; `EndpointLogs.none()` turns it off).',
  // Monitoring
  '1bc02227-0cb6-4e11-8f53-eb0b22eab7e8':
    'Not a default: with public ingestion and query off, Application Insights is read only from networks linked to an Azure Monitor private link scope. `monitoringPublicNetworkAccess: false` with `monitoringPrivateLinkScopeId` closes it (hardened layout, which creates the scope, its `azuremonitor` private endpoint and DNS zones).',
  '199d5677-e4d9-4264-9465-efe1839c06bd':
    'Not a default: deployments with `appInsightsEnabled` send request telemetry with the instrumentation key, which Entra-only ingestion refuses. `applicationInsightsLocalAuth: false` closes it (hardened layout).',
  '0c4bd2e8-8872-4f37-a654-03f6f38ddc76':
    'Applies once Application Insights is in a private link scope (`monitoringPrivateLinkScopeId`): the profiler and debugger are not used, and the library has no option for their storage; bring an Application Insights with linked storage (`applicationInsights`). Not assigned by MCSB or MCSBv2.',
  '90c90eda-bfe7-4c67-bf26-410420ed1047':
    'A DeployIfNotExists rule: it asks for category groups `audit` and `allLogs` to the Log Analytics workspace the assignment names, and deploys them itself where missing. Not assigned by MCSB or MCSBv2.',
  '5cfb9e8a-2f13-40bd-a527-c89bc596d299':
    'The endpoint logs its categories by name (console, traffic, events: `logs` on the endpoint) where this rule asks for the category group `allLogs`; the assignment deploys its own setting where missing. Not assigned by MCSB or MCSBv2.',
  '6c53d030-cc64-46f0-906d-2bc061cd1334':
    'Not a default: with public ingestion and query off, the logs are queried only from networks linked to an Azure Monitor private link scope. `monitoringPublicNetworkAccess: false` with `monitoringPrivateLinkScopeId` closes it (hardened layout).',
  'e15effd4-2278-4c65-a0da-4d6f6d1890e2':
    'The created Log Analytics workspace has local (shared key) authentication off (a default that applies in place).',
  'fa298e57-9444-42ba-bf04-86e8470e32c7':
    "Not a default: saved queries then live in your storage account (its cost; queries saved in query packs are not kept there, and linking removes the saved searches and functions a live workspace has: copy them first). `savedQueriesStorage` closes it (hardened layout: the workspace's storage account, linked for `Query`, with `cmk_for_query_forced`); with a brought `applicationInsights`, set them on your own Log Analytics workspace.",
  // Network
  'fc5e4038-4584-4632-8c85-c0448d374b2c':
    "Decided by the network interfaces Azure puts in the how-to's subnet and a firewall outside the stack. The managed network's own firewall (FQDN rules) filters the workspace's outbound traffic.",
  'c4857be7-912a-4c75-87e6-e30292bcdf78':
    'The registry is reached by private endpoint with public network access off, not by service endpoint. Not assigned by MCSB or MCSBv2.',
  '4c3c6c5f-0d47-4402-99b8-aa543dd8bcee':
    "The how-to's network has no flow log (a Network Watcher and storage decision of the network's owner). Not assigned by MCSB or MCSBv2.",
  'ea4d6841-2173-4317-9747-ff522a45120f':
    'The vault is reached by private endpoint from the managed network, not by service endpoint. Not assigned by MCSB or MCSBv2.',
  'b6e2945c-0b7b-40f5-9233-7a5323b5cdc6':
    'Azure enables Network Watcher in NetworkWatcherRG when a virtual network is created in a region: outside the stack.',
  '60d21c4f-21a3-4d94-85f4-b924e6aeeda4':
    'The storage account is reached by private endpoint from the managed network, not by service endpoint. Not assigned by MCSB or MCSBv2.',
  '7bca8353-aa3b-429b-904a-9229c4385837':
    "The how-to app's subnet keeps default outbound access (azurerm's default); it holds only private endpoints. The hardened layout sets `default_outbound_access_enabled = false`; do the same on your own subnet. Not assigned by MCSB or MCSBv2.",
  '94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d':
    'A DDoS Protection plan is a tenant-wide cost decision (one plan protects many networks), in neither layout; attach your plan to the network in your own code (`ddos_protection_plan` of the virtual network).',
  // Storage
  'bf045164-79ba-4215-8f95-f8048dc1780b':
    'The created account is locally redundant (LRS): it holds only rebuildable assets. Bring a GRS or GZRS account (`storageAccount`). Not assigned by MCSB or MCSBv2.',
  'b2982f36-99f2-4db5-8eff-283140c09693':
    'Deliberate by default: `cdktf deploy` uploads model and code assets from the machine that runs it (docs/workspace.md). `storageNetworkAccess: StorageNetworkAccess.privateEndpoint(...)`, for a runner inside the network, closes it (hardened layout).',
  '4733ea7b-a883-42fe-8cac-97454c2a9e4a':
    'Not a default: infrastructure encryption is chosen when the account is created (on a live stack it replaces the account and the workspace). `storageInfrastructureEncryption: true` closes it (hardened layout).',
  'bc1b984e-ddae-40cc-801a-050a030e4fbe':
    'The created account has a SAS expiration policy (a default that applies in place).',
  '8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54':
    'Deliberate by default: the datastores use the account key, and azurerm uploads with it unless the provider sets `storage_use_azuread` (then the deploying principal needs Storage Blob Data Contributor). `identityBasedDatastores: true` closes it (hardened layout; SE166 checks the provider).',
  'fd9903f1-38c2-4d36-8e44-5c1c20c561e8':
    'The same rule, excluding Databricks-managed accounts; `identityBasedDatastores: true` closes it.',
  '34c877ad-507e-4c82-993e-3452a6e0ad3c':
    'Deliberate by default (the deploy path, as for public network access); MCSB and MCSBv2 assign it Disabled. `storageNetworkAccess` (`allowedIpRanges` or `privateEndpoint`) closes it.',
  '2a1a9cdf-e04d-429a-8416-3bfb72a1b26f':
    'Deliberate by default (the deploy path, as for public network access). `storageNetworkAccess: StorageNetworkAccess.privateEndpoint(...)` closes it (hardened layout); `allowedIpRanges` adds IP rules, which this rule still flags.',
  'db4f9b05-5ffd-4b34-b714-3c710dbb3fd6':
    'The same rule, excluding Databricks-managed accounts; `storageNetworkAccess: StorageNetworkAccess.privateEndpoint(...)` closes it.',
  '6fac406b-40ca-413b-bf8e-0bf964659c25':
    'Not a default (a Key Vault key and an identity); `customerManagedKey` encrypts the created account (hardened layout). MCSB and MCSBv2 assign it Disabled.',
  '6edd7eda-6dd8-40f7-810d-67160c639cd9':
    'By default only the managed network reaches the account privately, through a private endpoint Azure creates when the network is provisioned; the stack cannot show it, so it is not counted as compliant. `storageNetworkAccess: StorageNetworkAccess.privateEndpoint(...)` adds a `blob` private endpoint the stack shows (hardened layout).',
  '1604f626-4d8d-4124-8bb8-b1e5f95562de': 'The same rule, excluding Databricks-managed accounts.',
};
