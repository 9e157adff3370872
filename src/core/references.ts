/**
 * Small reference interfaces. The `@cdktf/provider-azurerm` classes satisfy them structurally, so users pass
 * their `ResourceGroup`, `Subnet`, `StorageAccount`... objects directly, or plain objects for resources made
 * elsewhere.
 */

/** A resource group: `ResourceGroup` or `DataAzurermResourceGroup`. */
export interface IResourceGroup {
  readonly id: string;
  readonly name: string;
  readonly location: string;
}

/** A subnet: `Subnet` or `DataAzurermSubnet`. */
export interface ISubnet {
  readonly id: string;
}

/** A virtual network: `VirtualNetwork` or `DataAzurermVirtualNetwork`. */
export interface IVirtualNetwork {
  readonly id: string;
}

/** Any Azure resource referenced by its ARM id. */
export interface IArmResource {
  readonly id: string;
}

/** A user-assigned managed identity: `UserAssignedIdentity`. */
export interface IUserAssignedIdentity {
  readonly id: string;
  readonly principalId: string;
  readonly clientId: string;
}
