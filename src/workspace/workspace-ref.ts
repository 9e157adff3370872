import { IConstruct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { MlApiVersion } from '../arm';
import { IsolationMode } from './isolation-mode';
import type {
  OutboundFqdnRuleOptions,
  OutboundPrivateEndpointRuleOptions,
  OutboundServiceTagRuleOptions,
} from './rule-options';

/**
 * How callers reach the workspace (and its online endpoints) from inside a network. Endpoints with public
 * network access disabled are only usable when this is not `NONE`.
 */
export enum InboundAccess {
  /** The workspace has an inbound private endpoint created by this library. */
  PRIVATE_ENDPOINT = 'PrivateEndpoint',
  /** Public network access is enabled on the workspace. */
  PUBLIC = 'Public',
  /** The user said inbound access (a private endpoint, a VPN...) is arranged outside this stack. */
  ARRANGED_ELSEWHERE = 'ArrangedElsewhere',
}

/** The workspace's default blob datastore (`workspaceblobstore`), where local assets are uploaded. */
export interface WorkspaceBlobStore {
  /** ARM id of the storage account. */
  readonly storageAccountId: string;
  /** Storage account name. */
  readonly storageAccountName: string;
  /** Blob container, `azureml-blobstore-<workspace GUID>`. */
  readonly containerName: string;
  /**
   * The account's blob endpoint with a trailing slash (`https://<account>.blob.core.windows.net/` in the public
   * cloud; other clouds have other suffixes).
   */
  readonly blobEndpoint: string;
}

/** A rule added to a workspace's managed network. */
export interface IOutboundRule extends IConstruct, ITerraformDependable {
  /** The rule name. */
  readonly ruleName: string;
  /** ARM id of the rule. */
  readonly outboundRuleId: string;
}

/**
 * A Machine Learning workspace with a managed virtual network, created here or imported (both extend
 * `ManagedVnetWorkspaceBase`, whose managed-network provisioning waits for the outbound rules added to it). An
 * implementation of your own works too: its rules are written, and nothing of this library waits for them.
 */
export interface IManagedVnetWorkspace extends IConstruct {
  /** ARM id of the workspace. */
  readonly workspaceId: string;
  /** Workspace name. */
  readonly workspaceName: string;
  /** Azure region of the workspace. */
  readonly location: string;
  /** Name of the workspace's resource group. */
  readonly resourceGroupName: string;
  /** The api-version used for this workspace and its children. */
  readonly apiVersion: MlApiVersion;
  /** Outbound isolation of the managed network. */
  readonly isolationMode: IsolationMode;
  /** How the workspace is reached inbound, or undefined when nothing provides inbound access. */
  readonly inboundAccess: InboundAccess | undefined;
  /**
   * Whether the workspace's container registry is reachable only privately (public network access off).
   * Undefined when not known at synth time.
   */
  readonly containerRegistryPrivateOnly: boolean | undefined;
  /** ARM id of the workspace's storage account. */
  readonly storageAccountId: string;
  /** ARM id of the workspace's Key Vault. */
  readonly keyVaultId: string;
  /** ARM id of the workspace's container registry; undefined when the workspace has none yet. */
  readonly containerRegistryId: string | undefined;
  /** The workspace GUID (`properties.workspaceId`). */
  readonly workspaceGuid: string;
  /** The default blob datastore, for uploading local assets. */
  readonly workspaceBlobStore: WorkspaceBlobStore;
  /**
   * What online deployments must depend on: the managed-network provisioning (after the workspace, its
   * inbound private endpoint and every outbound rule) and the image-build compute.
   */
  readonly managedNetworkReady: ITerraformDependable[];
  /**
   * Principal id of the identity the workspace uses to approve outbound private endpoints (its system-assigned
   * identity, or its user-assigned one).
   * @default - not known (a workspace of your own that does not say)
   */
  readonly workspacePrincipalId?: string;
  /**
   * ARM id of the Log Analytics workspace the workspace's Application Insights writes to: where online endpoints
   * send their logs and metrics by default.
   * @default - not known: endpoints then need an explicit `logs` destination
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Adds an FQDN outbound rule (only with AllowOnlyApprovedOutbound). Adding the same rule name with the same
   * destination twice returns the first rule, so several deployments can each ask for `pypi.org`.
   */
  addOutboundFqdnRule(id: string, options: OutboundFqdnRuleOptions): IOutboundRule;
  /** Adds a private endpoint from the managed network to an Azure resource. */
  addOutboundPrivateEndpointRule(id: string, options: OutboundPrivateEndpointRuleOptions): IOutboundRule;
  /** Adds a service-tag rule (AllowOnlyApprovedOutbound only). */
  addOutboundServiceTagRule(id: string, options: OutboundServiceTagRuleOptions): IOutboundRule;
  /** The outbound rules added to this workspace in this app. */
  readonly outboundRules: IOutboundRule[];
}
