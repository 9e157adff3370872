import { fromFactory } from '../checks';
import { defineProps, text } from '../checks/read';

export const PRIVATE_ENDPOINT_TARGET_OF_PARAMS = defineProps<{ groupId: string }>(
  'PrivateEndpointTarget.of',
  {
    // A sub-resource decides which resource type the rule's target id must have (SE115): known at synth.
    groupId: text({
      tokens: 'refuse',
      optional: false,
      what: "a private link sub-resource (text such as 'searchService')",
      why: 'the sub-resource is matched with the target id at synth',
    }),
  },
);

/**
 * The sub-resource a private endpoint outbound rule connects to (the private link "group id").
 * Enum-like: use the static members, or `of` for any other group id.
 */
export class PrivateEndpointTarget {
  /** Storage blob service. */
  public static readonly BLOB = new PrivateEndpointTarget('blob', 'Microsoft.Storage/storageAccounts');
  /** Storage file service. */
  public static readonly FILE = new PrivateEndpointTarget('file', 'Microsoft.Storage/storageAccounts');
  /** Storage queue service. */
  public static readonly QUEUE = new PrivateEndpointTarget('queue', 'Microsoft.Storage/storageAccounts');
  /** Storage table service. */
  public static readonly TABLE = new PrivateEndpointTarget('table', 'Microsoft.Storage/storageAccounts');
  /** Storage Data Lake Gen2. */
  public static readonly DFS = new PrivateEndpointTarget('dfs', 'Microsoft.Storage/storageAccounts');
  /** Key Vault. */
  public static readonly VAULT = new PrivateEndpointTarget('vault', 'Microsoft.KeyVault/vaults');
  /** Azure Container Registry. */
  public static readonly REGISTRY = new PrivateEndpointTarget(
    'registry',
    'Microsoft.ContainerRegistry/registries',
  );
  /** Azure Machine Learning registry. */
  public static readonly AML_REGISTRY = new PrivateEndpointTarget(
    'amlregistry',
    'Microsoft.MachineLearningServices/registries',
  );
  /** Another Azure Machine Learning workspace. */
  public static readonly AML_WORKSPACE = new PrivateEndpointTarget(
    'amlworkspace',
    'Microsoft.MachineLearningServices/workspaces',
  );

  /** Any other private link group id, e.g. `searchService` or `account`. */
  public static of(groupId: string): PrivateEndpointTarget {
    return fromFactory(
      PRIVATE_ENDPOINT_TARGET_OF_PARAMS,
      { groupId },
      (read) => new PrivateEndpointTarget(read.groupId),
      PrivateEndpointTarget.prototype,
    );
  }

  private constructor(
    /** The ARM value of `destination.subresourceTarget`. */
    public readonly value: string,
    /** The resource type the sub-resource belongs to (checked against the rule's target id, SE115); any for `of`. */
    public readonly resourceType?: string,
  ) {}

  /** The sub-resource name, e.g. `blob`. */
  public toString(): string {
    return this.value;
  }
}
