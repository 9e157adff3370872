import { Fn, Token } from 'cdktf';

/** ARM ManagedServiceIdentity `type`. Note the comma form without a space. */
export type ManagedServiceIdentityType =
  'None' | 'SystemAssigned' | 'UserAssigned' | 'SystemAssigned,UserAssigned';

/** ARM ManagedServiceIdentity as sent in a request (principal and tenant ids are read-only). */
export interface ManagedServiceIdentity {
  /** The discriminator of the union member. */
  readonly type: ManagedServiceIdentityType;
  /** Map from user-assigned identity ARM id to `{}`. @default none */
  readonly userAssignedIdentities?: { readonly [identityId: string]: Record<string, never> };
}

/** ARM common-types Sku. */
export interface Sku {
  /** SKU name. */
  readonly name: string;
  /** SKU tier. @default none */
  readonly tier?: 'Free' | 'Basic' | 'Standard' | 'Premium';
  /** Instance count. @default 1 */
  readonly capacity?: number;
  /** SKU size. @default none */
  readonly size?: string;
  /** SKU family. @default none */
  readonly family?: string;
}

/** `Enabled` or `Disabled`. */
export type PublicNetworkAccessType = 'Enabled' | 'Disabled';

/** A string map, as ARM sends tags and free-form properties. */
export type StringMap = { readonly [key: string]: string };

/**
 * `Enabled` / `Disabled` from a boolean. A boolean that is a Terraform expression (a variable's `booleanValue`)
 * becomes the expression `cond ? "Enabled" : "Disabled"`, evaluated at plan time: a token object is truthy in
 * JavaScript and would otherwise read as `Enabled`.
 */
export function enabledOrDisabled(value: boolean): PublicNetworkAccessType {
  if (Token.isUnresolved(value)) {
    return Token.asString(Fn.conditional(value, 'Enabled', 'Disabled')) as PublicNetworkAccessType;
  }
  return value ? 'Enabled' : 'Disabled';
}
