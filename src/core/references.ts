/**
 * Small reference interfaces. The `@cdktf/provider-azurerm` classes satisfy them structurally, so users pass
 * their `ResourceGroup`, `Subnet`, `StorageAccount`... objects directly, or plain objects for resources made
 * elsewhere.
 */

/** A resource group: `ResourceGroup` or `DataAzurermResourceGroup`. */
export interface IResourceGroup {
  /** ARM id of the resource group. */
  readonly id: string;
  /** Resource group name. */
  readonly name: string;
  /** Azure region of the resource group. */
  readonly location: string;
  /**
   * The region as configured (azurerm `ResourceGroup` gives it): read where the region must be known at synth,
   * such as endpoint names, which are unique per region across stacks (SE227), when `location` is a reference.
   * @default unknown: a region from a reference is compared as that reference
   */
  readonly locationInput?: string;
}

/** A subnet: `Subnet` or `DataAzurermSubnet`. */
export interface ISubnet {
  /** ARM id of the subnet. */
  readonly id: string;
}

/** A virtual network: `VirtualNetwork` or `DataAzurermVirtualNetwork`. */
export interface IVirtualNetwork {
  /** ARM id of the virtual network. */
  readonly id: string;
  /**
   * The network's region as configured (azurerm `VirtualNetwork` gives it): a private endpoint in its subnet must
   * be in that region (SE464); an expression is checked at plan time. @default unknown: not checked
   */
  readonly locationInput?: string;
}

/** Any Azure resource referenced by its ARM id. */
export interface IArmResource {
  /** ARM id of the resource. */
  readonly id: string;
}

/** A user-assigned managed identity: `UserAssignedIdentity`. */
export interface IUserAssignedIdentity {
  /** ARM id of the identity. */
  readonly id: string;
  /** Object (principal) id of the identity's service principal, which role assignments name. */
  readonly principalId: string;
  /** Client (application) id of the identity. */
  readonly clientId: string;
}
