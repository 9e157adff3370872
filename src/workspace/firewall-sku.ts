import { FirewallSkuValue } from '../arm';

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

  private constructor(
    /** The ARM value of `managedNetwork.firewallSku`. */
    public readonly value: FirewallSkuValue,
  ) {}

  /** The ARM value, e.g. `Standard`. */
  public toString(): string {
    return this.value;
  }
}
