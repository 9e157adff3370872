import type { IsolationModeValue } from '../arm';

/** Outbound isolation of a workspace's managed virtual network. */
export class IsolationMode {
  /** Only outbound traffic to approved destinations (outbound rules) is allowed. The how-to's default. */
  public static readonly ALLOW_ONLY_APPROVED_OUTBOUND = new IsolationMode('AllowOnlyApprovedOutbound');
  /** All outbound internet traffic is allowed; FQDN and service-tag rules are not accepted. */
  public static readonly ALLOW_INTERNET_OUTBOUND = new IsolationMode('AllowInternetOutbound');
  /** No managed virtual network. Not network isolation: only for comparison and migration. */
  public static readonly DISABLED = new IsolationMode('Disabled');

  private constructor(private readonly armValue: IsolationModeValue) {}

  /** The ARM value of `managedNetwork.isolationMode`. */
  public get value(): string {
    return this.armValue;
  }

  /** The ARM value, typed as the request body declares it. @internal */
  public get _armValue(): IsolationModeValue {
    return this.armValue;
  }

  /** Whether the workspace has a managed virtual network at all. */
  public get isManaged(): boolean {
    return this.value !== 'Disabled';
  }

  /** The ARM value, e.g. `AllowOnlyApprovedOutbound`. */
  public toString(): string {
    return this.value;
  }
}
