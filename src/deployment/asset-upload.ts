import { Construct } from 'constructs';
import { TerraformAsset, AssetType } from 'cdktf';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { IManagedVnetWorkspace } from '../workspace';
import { LocalContent } from './local-content';

export interface AssetUploadProps {
  readonly workspace: IManagedVnetWorkspace;
  readonly content: LocalContent;
  /** Folder under the upload root: `models` or `codes`. */
  readonly kind: string;
}

/**
 * Uploads a local file or folder to the workspace's default blob datastore, one `azurerm_storage_blob` per file,
 * under a content-addressed prefix (`cdktf-assets/<kind>/<hash>/<base name>/...`). New content gets new blob
 * names, so a model version never points at blobs that changed under it. Created by the workspace's
 * `AssetRegistry`, which shares one upload between the deployments that upload the same content.
 */
export class AssetUpload extends Construct {
  /** One blob per file, in sorted order. */
  public readonly blobs: StorageBlob[];
  /** The asset's path inside the blob container (`cdktf-assets/models/<hash>/model`). */
  public readonly datastorePath: string;

  constructor(scope: Construct, id: string, props: AssetUploadProps) {
    super(scope, id);
    const { content, workspace } = props;
    const prefix = `cdktf-assets/${props.kind}/${content.hash}`;
    this.datastorePath = datastorePathOf(props.kind, content);
    const store = workspace.workspaceBlobStore;
    const ids = new Set<string>();
    this.blobs = content.files.map((file, index) => {
      const id = uniqueId(file.relativePath, index, ids);
      // TerraformAsset copies the file beside cdk.tf.json and gives a relative path: no absolute path in output.
      // `path.module` makes it relative to the configuration's folder, so the output also works as a module.
      const asset = new TerraformAsset(this, `${id}Asset`, {
        path: file.absolutePath,
        type: AssetType.FILE,
        // The file's own hash, computed with the content hash: the bytes are read once.
        assetHash: file.hash,
      });
      return new StorageBlob(this, id, {
        name: `${prefix}/${file.relativePath}`,
        storageAccountName: store.storageAccountName,
        storageContainerName: store.containerName,
        type: 'Block',
        source: '${path.module}/' + asset.path,
        // The old asset version still points at the old blobs until the new version replaces it.
        lifecycle: { createBeforeDestroy: true },
      });
    });
  }
}

/** Where an upload lands in the datastore: `cdktf-assets/<kind>/<hash>/<base name>`. */
export function datastorePathOf(kind: string, content: LocalContent): string {
  return `cdktf-assets/${kind}/${content.hash}/${content.baseName}`;
}

/** A readable construct id from a file path (`model/sk.pkl` -> `model_sk_pkl`), unique within the upload. */
function uniqueId(relativePath: string, index: number, used: Set<string>): string {
  let id = relativePath.replace(/[^A-Za-z0-9]/g, '_');
  if (used.has(id)) id = `${id}_${index}`;
  used.add(id);
  return id;
}
