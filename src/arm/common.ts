/** ARM ManagedServiceIdentity `type`. Note the comma form without a space. */
export type ManagedServiceIdentityType =
  'None' | 'SystemAssigned' | 'UserAssigned' | 'SystemAssigned,UserAssigned';

/** ARM ManagedServiceIdentity as sent in a request (principal and tenant ids are read-only). */
export interface ManagedServiceIdentity {
  readonly type: ManagedServiceIdentityType;
  /** Map from user-assigned identity ARM id to `{}`. */
  readonly userAssignedIdentities?: { readonly [identityId: string]: Record<string, never> };
}

/** ARM common-types Sku. */
export interface Sku {
  readonly name: string;
  readonly tier?: 'Free' | 'Basic' | 'Standard' | 'Premium';
  readonly capacity?: number;
  readonly size?: string;
  readonly family?: string;
}

export type PublicNetworkAccessType = 'Enabled' | 'Disabled';

/** A string map, as ARM sends tags and free-form properties. */
export type StringMap = { readonly [key: string]: string };
