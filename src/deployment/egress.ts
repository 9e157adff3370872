import type { PublicNetworkAccessType } from '../arm';

/**
 * The legacy per-deployment egress setting (`egress_public_network_access`), from before workspace managed
 * networks. With a managed network it no longer applies and Azure ML advises not to set it; it cannot be
 * changed after the deployment is created.
 */
export class EgressPublicNetworkAccess {
  /** Legacy: the deployment reaches the workspace's resources over public networks. */
  public static readonly ENABLED = new EgressPublicNetworkAccess('Enabled');
  /** Legacy: the deployment reaches them through private endpoints the service creates. */
  public static readonly DISABLED = new EgressPublicNetworkAccess('Disabled');

  private constructor(private readonly armValue: PublicNetworkAccessType) {}

  /** The ARM value of `properties.egressPublicNetworkAccess`. */
  public get value(): string {
    return this.armValue;
  }

  /** The ARM value, typed as the request body declares it. @internal */
  public get _armValue(): PublicNetworkAccessType {
    return this.armValue;
  }

  /** The ARM value, `Enabled` or `Disabled`. */
  public toString(): string {
    return this.value;
  }
}
