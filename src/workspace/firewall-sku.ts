import type { FirewallSkuValue } from '../arm';

/**
 * SKU of the Azure Firewall that Azure deploys into the managed network for FQDN outbound rules.
 *
 * The firewall exists only when the workspace has FQDN rules under AllowOnlyApprovedOutbound; it is billed
 * to your subscription (hourly plus data processed), Basic costs less and has lower throughput.
 */
export class FirewallSku {
  /** Azure Firewall Standard (Azure's default). */
  public static readonly STANDARD = new FirewallSku('Standard');
  /** Azure Firewall Basic: cheaper, lower throughput; enough for package downloads during image builds. */
  public static readonly BASIC = new FirewallSku('Basic');

  private constructor(private readonly armValue: FirewallSkuValue) {}

  /** The ARM value of `managedNetwork.firewallSku`. */
  public get value(): string {
    return this.armValue;
  }

  /** The ARM value, typed as the request body declares it. @internal */
  public get _armValue(): FirewallSkuValue {
    return this.armValue;
  }

  /** The ARM value, e.g. `Standard`. */
  public toString(): string {
    return this.value;
  }
}
