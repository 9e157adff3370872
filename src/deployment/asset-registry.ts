import { Construct, IConstruct } from 'constructs';
import { DefaultTokenResolver, ITerraformDependable, StringConcat, Token, Tokenization } from 'cdktf';
import { AssetContainerBody, CodeVersionBody, EnvironmentVersionBody, ModelVersionBody } from '../arm';
import { AzapiResource } from '../azapi';
import { isKnown, problemsOf } from '../checks';
import { IManagedVnetWorkspace, IsolationMode } from '../workspace';
import { checkAssetName } from './asset-name';
import { AssetUpload, datastorePathOf } from './asset-upload';
import { PACKAGE_INDEX_RULES } from './image-build-rules';
import { LocalContent } from './local-content';

/** The three asset kinds a deployment uses, by their ARM path segment. */
export type AssetKind = 'models' | 'codes' | 'environments';

/** An asset version to register: its container, its version name and its body. */
export interface AssetVersionRequest {
  /** Which kind of asset: `models`, `codes` or `environments`. */
  readonly kind: AssetKind;
  /** Container (asset) name. */
  readonly name: string;
  /** Version name: the content hash, so the same content keeps its version. */
  readonly version: string;
  /** The version's ARM body. */
  readonly body: ModelVersionBody | CodeVersionBody | EnvironmentVersionBody;
  /** Description of the container, when this request creates it. @default none */
  readonly description?: string;
  /** The uploads the version points at. @default none */
  readonly dependsOn?: ITerraformDependable[];
  /** Who asks (the deployment binding the asset): named when two requests disagree. */
  readonly requestedBy: IConstruct;
}

/**
 * The one owner of what a workspace's deployments share: uploads of local files, asset containers and versions,
 * and the outbound rules image builds need. One per workspace, created on first use as the workspace's child
 * `Assets`. Its children are named by what they hold (kind, asset name, content hash), never by the deployment
 * that asked first, so adding, removing or reordering deployments (a blue-to-green cutover) leaves every shared
 * resource at its Terraform address.
 */
export class AssetRegistry extends Construct {
  /** The construct id of the registry under its workspace. */
  public static readonly ID = 'Assets';

  /** The workspace's registry, created on first use. */
  public static of(workspace: IManagedVnetWorkspace): AssetRegistry {
    const existing = workspace.node.tryFindChild(AssetRegistry.ID);
    return existing instanceof AssetRegistry ? existing : new AssetRegistry(workspace);
  }

  private readonly uploads = new Map<string, AssetUpload>();
  private readonly containers = new Map<string, AzapiResource>();
  private readonly versions = new Map<string, { body: string; resource: AzapiResource; by: string }>();
  private imageBuildRules: ITerraformDependable[] | undefined;

  private constructor(private readonly workspace: IManagedVnetWorkspace) {
    super(workspace, AssetRegistry.ID);
  }

  /**
   * The upload of this content to the workspace's blob store (`cdktf-assets/<kind>/<hash>/<base name>`), once
   * however many deployments upload the same files: blob names are content-addressed, so a second declaration
   * of the same blobs would fail at apply.
   */
  public upload(kind: AssetKind, content: LocalContent): AssetUpload {
    const key = datastorePathOf(kind, content);
    let upload = this.uploads.get(key);
    if (upload === undefined) {
      upload = new AssetUpload(this, this.constructId('Upload', kind, content.hash, content.baseName), {
        workspace: this.workspace,
        content,
        kind,
      });
      this.uploads.set(key, upload);
    }
    return upload;
  }

  /**
   * Registers an asset version (`workspaces/<kind>/versions`) in its container, creating each once: a deployment
   * asking for a version another already registered shares it. The same name and version with a different body
   * (another model type or description) is refused (SE221).
   */
  public version(request: AssetVersionRequest): AzapiResource {
    const { kind, name } = request;
    problemsOf(request.requestedBy).record(checkAssetName(kind, name));
    const apiVersion = this.workspace.apiVersion;
    // ARM compares asset names without case: `Model` and `model` are one container, created once.
    const containerKey = `${kind}/${isKnown(name) ? name.toLowerCase() : name}`;
    let container = this.containers.get(containerKey);
    if (container === undefined) {
      const containerBody: AssetContainerBody = { properties: { description: request.description } };
      container = new AzapiResource(this, this.constructId('Container', kind, name), {
        type: apiVersion.resourceType(`workspaces/${kind}`),
        name,
        parentId: this.workspace.workspaceId,
        body: containerBody,
      });
      this.containers.set(containerKey, container);
    }
    // One resource per container and version: Azure has one `<name>/versions/<version>`, and a second
    // azapi_resource for it would fail at apply ("already exists").
    const versionKey = `${containerKey}/versions/${isKnown(request.version) ? request.version.toLowerCase() : request.version}`;
    const body = signature(request.body);
    const registered = this.versions.get(versionKey);
    if (registered !== undefined) {
      if (registered.body !== body) {
        problemsOf(request.requestedBy).report(
          'SE221',
          `${kind} '${name}' version '${request.version}' is registered twice with different properties ` +
            `(by ${registered.by} and ${request.requestedBy.node.path}): one name and version is one asset in Azure; ` +
            `give the second source another name, or the same model type and description`,
        );
      }
      return registered.resource;
    }
    const version = new AzapiResource(this, this.constructId('Version', kind, name, request.version), {
      type: apiVersion.resourceType(`workspaces/${kind}/versions`),
      name: request.version,
      parentId: container.id,
      body: request.body,
      dependsOn: request.dependsOn,
      // A new version replaces the old one; the deployment moves to it before the old one is deleted.
      lifecycle: { createBeforeDestroy: true },
    });
    this.versions.set(versionKey, { body, resource: version, by: request.requestedBy.node.path });
    return version;
  }

  /**
   * The FQDN rules an image build from a conda file needs under AllowOnlyApprovedOutbound, added to the workspace
   * once however many deployments ask; none under other isolation modes (which need none, and refuse FQDN rules).
   * The rules are the workspace's (its managed-network provisioning waits for them), added through its public
   * `addOutboundFqdnRule` under fixed ids, so their addresses do not depend on the deployments either.
   */
  public packageIndexRules(): ITerraformDependable[] {
    if (this.workspace.isolationMode !== IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) return [];
    this.imageBuildRules ??= PACKAGE_INDEX_RULES.map((rule) =>
      this.workspace.addOutboundFqdnRule(rule.id, { ruleName: rule.ruleName, destination: rule.destination }),
    );
    return this.imageBuildRules;
  }

  /**
   * A construct id from the parts of a key (`Version-models-sample-model-<hash>`); `/` is not allowed in ids. A
   * part holding a Terraform token (an endpoint name from a variable) is written as the expression it stands for
   * (`${var.endpoint_name}-blue-model`), which is stable from run to run, unlike the token's placeholder text.
   */
  private constructId(...parts: string[]): string {
    return parts
      .map((part) => (Token.isUnresolved(part) ? expressionOf(this, part) : part))
      .map((part) => part.replace(/\//g, '_'))
      .join('-');
  }
}

/** The Terraform expression a token stands for (`${var.endpoint_name}`), resolved as the stack would resolve it. */
function expressionOf(scope: IConstruct, value: string): string {
  const resolver = new DefaultTokenResolver(new StringConcat());
  return String(Tokenization.resolve(value, { scope, resolver, preparing: true }));
}

/** The body as text with every string holding a token masked: each reference to the workspace is a new token. */
function signature(body: AssetVersionRequest['body']): string {
  return JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'string' && Token.isUnresolved(value) ? '<unresolved>' : value,
  );
}
