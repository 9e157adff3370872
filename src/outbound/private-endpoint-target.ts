/**
 * The sub-resource a private endpoint outbound rule connects to (the private link "group id").
 * Enum-like: use the static members, or `of` for any other group id.
 */
export class PrivateEndpointTarget {
  /** Storage blob service. */
  public static readonly BLOB = new PrivateEndpointTarget('blob');
  /** Storage file service. */
  public static readonly FILE = new PrivateEndpointTarget('file');
  /** Storage queue service. */
  public static readonly QUEUE = new PrivateEndpointTarget('queue');
  /** Storage table service. */
  public static readonly TABLE = new PrivateEndpointTarget('table');
  /** Storage Data Lake Gen2. */
  public static readonly DFS = new PrivateEndpointTarget('dfs');
  /** Key Vault. */
  public static readonly VAULT = new PrivateEndpointTarget('vault');
  /** Azure Container Registry. */
  public static readonly REGISTRY = new PrivateEndpointTarget('registry');
  /** Azure Machine Learning registry. */
  public static readonly AML_REGISTRY = new PrivateEndpointTarget('amlregistry');
  /** Another Azure Machine Learning workspace. */
  public static readonly AML_WORKSPACE = new PrivateEndpointTarget('amlworkspace');

  /** Any other private link group id, e.g. `searchService` or `account`. */
  public static of(groupId: string): PrivateEndpointTarget {
    return new PrivateEndpointTarget(groupId);
  }

  private constructor(
    /** The ARM value of `destination.subresourceTarget`. */
    public readonly value: string,
  ) {}

  public toString(): string {
    return this.value;
  }
}
