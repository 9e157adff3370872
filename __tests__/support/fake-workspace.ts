import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DEFAULT_ML_API_VERSION, MlApiVersion, OutboundRuleResourceBody } from '../../src/arm';
import { AzapiResource, AzapiResourceAction } from '../../src/azapi';
import {
  IManagedVnetWorkspace,
  InboundAccess,
  IOutboundRule,
  IsolationMode,
  OutboundFqdnRuleOptions,
  OutboundPrivateEndpointRuleOptions,
  OutboundServiceTagRuleOptions,
  WorkspaceBlobStore,
} from '../../src/workspace';
import { OutboundPrivateEndpointRule, OutboundServiceTagRule } from '../../src/outbound';

export interface FakeWorkspaceOptions {
  readonly isolationMode?: IsolationMode;
  /** @default InboundAccess.PRIVATE_ENDPOINT; pass null for none */
  readonly inboundAccess?: InboundAccess | null;
  readonly containerRegistryPrivateOnly?: boolean;
  /** @default an ACR id; pass null for none */
  readonly containerRegistryId?: string | null;
  readonly apiVersion?: MlApiVersion;
  /** @default a Log Analytics workspace id; pass null for none */
  readonly logAnalyticsWorkspaceId?: string | null;
}

const RG_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml';

/**
 * A test double of the workspace contract: a workspace resource, a provisioning action, and FQDN rules as child
 * resources. Stands in for ManagedVnetWorkspace in unit tests of the endpoint half.
 */
export class FakeWorkspace extends Construct implements IManagedVnetWorkspace {
  public readonly workspaceId: string;
  public readonly workspaceName = 'mlw-secure';
  public readonly location = 'westeurope';
  public readonly resourceGroupName = 'rg-ml';
  public readonly apiVersion: MlApiVersion;
  public readonly isolationMode: IsolationMode;
  public readonly inboundAccess: InboundAccess | undefined;
  public readonly containerRegistryPrivateOnly: boolean | undefined;
  public readonly storageAccountId = `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmlsecure`;
  public readonly keyVaultId = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-ml-secure`;
  public readonly containerRegistryId: string | undefined;
  public readonly workspaceGuid: string;
  public readonly workspaceBlobStore: WorkspaceBlobStore;
  public readonly managedNetworkReady: ITerraformDependable[];
  public readonly workspacePrincipalId = undefined;
  public readonly logAnalyticsWorkspaceId: string | undefined;
  public readonly rules: IOutboundRule[] = [];

  constructor(scope: Construct, id: string, options: FakeWorkspaceOptions = {}) {
    super(scope, id);
    this.apiVersion = options.apiVersion ?? DEFAULT_ML_API_VERSION;
    this.logAnalyticsWorkspaceId =
      options.logAnalyticsWorkspaceId === null
        ? undefined
        : (options.logAnalyticsWorkspaceId ??
          `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/mlw-secure-log`);
    this.isolationMode = options.isolationMode ?? IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND;
    this.inboundAccess =
      options.inboundAccess === null ? undefined : (options.inboundAccess ?? InboundAccess.PRIVATE_ENDPOINT);
    this.containerRegistryPrivateOnly = options.containerRegistryPrivateOnly ?? true;
    this.containerRegistryId =
      options.containerRegistryId === null
        ? undefined
        : (options.containerRegistryId ??
          `${RG_ID}/providers/Microsoft.ContainerRegistry/registries/acrmlsecure`);
    const workspace = new AzapiResource(this, 'Resource', {
      type: this.apiVersion.resourceType('workspaces'),
      name: this.workspaceName,
      parentId: RG_ID,
      location: this.location,
      identity: { type: 'SystemAssigned' },
      body: {
        properties: {
          managedNetwork: { isolationMode: this.isolationMode.value },
          publicNetworkAccess: 'Disabled',
        },
      },
      responseExportValues: { workspaceGuid: 'properties.workspaceId' },
    });
    this.workspaceId = workspace.id;
    this.workspaceGuid = workspace.outputString('workspaceGuid');
    this.workspaceBlobStore = {
      storageAccountId: this.storageAccountId,
      storageAccountName: 'stmlsecure',
      blobEndpoint: 'https://stmlsecure.blob.core.windows.net/',
      containerName: `azureml-blobstore-${this.workspaceGuid}`,
    };
    const provision = new AzapiResourceAction(this, 'Provision', {
      type: this.apiVersion.resourceType('workspaces'),
      resourceId: workspace.id,
      action: 'provisionManagedNetwork',
      body: { includeSpark: false },
      dependsOn: [workspace],
    });
    this.managedNetworkReady = [provision];
  }

  public get outboundRules(): IOutboundRule[] {
    return [...this.rules];
  }

  public addOutboundFqdnRule(id: string, options: OutboundFqdnRuleOptions): IOutboundRule {
    const rule = new FakeRule(this, id, this, options);
    this.rules.push(rule);
    return rule;
  }

  // The library's rules on a workspace of another kind: written, with nothing of the library's waiting for them.
  public addOutboundPrivateEndpointRule(
    id: string,
    options: OutboundPrivateEndpointRuleOptions,
  ): IOutboundRule {
    return new OutboundPrivateEndpointRule(this, id, { ...options, workspace: this });
  }

  public addOutboundServiceTagRule(id: string, options: OutboundServiceTagRuleOptions): IOutboundRule {
    return new OutboundServiceTagRule(this, id, { ...options, workspace: this });
  }
}

class FakeRule extends Construct implements IOutboundRule {
  public readonly ruleName: string;
  public readonly outboundRuleId: string;
  private readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, workspace: FakeWorkspace, options: OutboundFqdnRuleOptions) {
    super(scope, id);
    const body: OutboundRuleResourceBody = {
      properties: { type: 'FQDN', category: 'UserDefined', destination: options.destination },
    };
    this.ruleName = options.ruleName;
    this.resource = new AzapiResource(this, 'Resource', {
      type: workspace.apiVersion.resourceType('workspaces/outboundRules'),
      name: options.ruleName,
      parentId: workspace.workspaceId,
      body,
    });
    this.outboundRuleId = this.resource.id;
  }

  public get fqn(): string {
    return this.resource.fqn;
  }
}
