import { defineProps, fromFactory, text } from '../checks/read';

export const ML_API_VERSION_OF_PARAMS = defineProps<{ version: string }>('MlApiVersion.of', {
  version: text({
    tokens: 'refuse',
    optional: false,
    what: "an api-version (text such as '2026-05-01')",
    why: 'the api-version decides at synth which properties the request bodies may have',
  }),
});

/**
 * The Microsoft.MachineLearningServices api-versions this library emits. Enum-like: use the static members;
 * `MlApiVersion.of` exists for versions released after this library, at the user's own risk.
 */
export class MlApiVersion {
  /** Newest preview (default): everything the how-to needs plus the preview-only workspace properties. azapi >= 2.12. */
  public static readonly V2026_05_15_PREVIEW = new MlApiVersion('2026-05-15-preview', true);
  /** Newest stable: same shapes for workspaces, outbound rules, endpoints and deployments. azapi >= 2.11. */
  public static readonly V2026_05_01 = new MlApiVersion('2026-05-01', false);

  /** An api-version not listed here. Bodies are still typed for the 2026-05 shapes. */
  public static of(version: string): MlApiVersion {
    return fromFactory(
      ML_API_VERSION_OF_PARAMS,
      { version },
      (read) => new MlApiVersion(read.version, read.version.endsWith('-preview')),
      MlApiVersion.prototype,
    );
  }

  private constructor(
    /** The api-version string, e.g. `2026-05-01`. */
    public readonly version: string,
    /** Whether this is a preview api-version (preview-only properties are allowed). */
    public readonly isPreview: boolean,
  ) {}

  /** The azapi `type` string for a Machine Learning resource path, e.g. `workspaces/outboundRules`. */
  public resourceType(path: string): string {
    return `Microsoft.MachineLearningServices/${path}@${this.version}`;
  }

  /** The api-version, e.g. `2026-05-15-preview`. */
  public toString(): string {
    return this.version;
  }
}

/** The default api-version: the newest preview. */
export const DEFAULT_ML_API_VERSION = MlApiVersion.V2026_05_15_PREVIEW;

/** Workspace properties that exist only in preview api-versions (sending them to stable fails validation). */
export const PREVIEW_ONLY_WORKSPACE_PROPERTIES: readonly string[] = [
  'agentsEndpointUri',
  'allowRoleAssignmentOnRG',
  'containerRegistries',
  'enableSimplifiedCmk',
  'enableSoftwareBillOfMaterials',
  'existingWorkspaces',
  'ipAllowlist',
  'keyVaults',
  'networkAcls',
  'softDeleteRetentionInDays',
  'storageAccounts',
];
