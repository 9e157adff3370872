import { readProps } from '../checks';
import { text } from '../checks/read';
import { defineConfig, FLAG, readArgument, TEXT } from './readers';
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZAPI_PROVIDER_METADATA, toHclAttributes } from './common';
import { checkFrameworkCore } from '../core/edition';

/** Configuration of the Azure/azapi provider. Everything is optional: azapi reads the usual ARM_* variables. */
export interface AzapiProviderConfig {
  /** Alias, for a second configuration of the provider. @default no alias */
  readonly alias?: string;
  /** @default `ARM_SUBSCRIPTION_ID` */
  readonly subscriptionId?: string;
  /** @default `ARM_TENANT_ID` */
  readonly tenantId?: string;
  /** @default `ARM_CLIENT_ID` */
  readonly clientId?: string;
  /** Cloud environment: `public`, `usgovernment` or `china`. @default public */
  readonly environment?: string;
  /** Authenticate with the Azure CLI. @default true (provider default) */
  readonly useCli?: boolean;
  /** Authenticate with a managed identity. @default false */
  readonly useMsi?: boolean;
  /** Authenticate with OpenID Connect (workload identity federation, e.g. GitHub Actions). @default false */
  readonly useOidc?: boolean;
  /** Location used by resources that set none. @default none */
  readonly defaultLocation?: string;
  /** Do not register resource providers. @default false */
  readonly skipProviderRegistration?: boolean;
  /** Run ARM preflight validation during plan. @default false */
  readonly enablePreflight?: boolean;
}

export const AZAPI_PROVIDER_CONFIG = defineConfig<AzapiProviderConfig>('AzapiProviderConfig', {
  alias: text({
    tokens: 'refuse',
    why: 'resources refer to the configuration by its alias (azapi.<alias>) in the synthesized output',
  }),
  subscriptionId: TEXT,
  tenantId: TEXT,
  clientId: TEXT,
  environment: TEXT,
  useCli: FLAG,
  useMsi: FLAG,
  useOidc: FLAG,
  defaultLocation: TEXT,
  skipProviderRegistration: FLAG,
  enablePreflight: FLAG,
});

/**
 * The Azure/azapi Terraform provider, pinned to `~> 2.12` (the first with 2026-05-15-preview types). As in
 * cdktf-generated providers, each argument has a getter and a setter, an `...Input` getter and `reset...()`.
 */
export class AzapiProvider extends cdktf.TerraformProvider {
  /** The Terraform provider type, `azapi`. */
  public static readonly tfResourceType = 'azapi';

  // cdktf's TerraformProvider declares `alias` as an accessor that stores nothing: providers keep their own.
  private _alias?: string;
  private _subscriptionId?: string;
  private _tenantId?: string;
  private _clientId?: string;
  private _environment?: string;
  private _useCli?: boolean;
  private _useMsi?: boolean;
  private _useOidc?: boolean;
  private _defaultLocation?: string;
  private _skipProviderRegistration?: boolean;
  private _enablePreflight?: boolean;

  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: AzapiProvider.tfResourceType,
      terraformGeneratorMetadata: AZAPI_PROVIDER_METADATA,
      terraformProviderSource: 'Azure/azapi',
    });
    checkFrameworkCore(this);
    const c = readProps(this, AZAPI_PROVIDER_CONFIG, config);
    this._alias = c.alias;
    this._subscriptionId = c.subscriptionId;
    this._tenantId = c.tenantId;
    this._clientId = c.clientId;
    this._environment = c.environment;
    this._useCli = c.useCli;
    this._useMsi = c.useMsi;
    this._useOidc = c.useOidc;
    this._defaultLocation = c.defaultLocation;
    this._skipProviderRegistration = c.skipProviderRegistration;
    this._enablePreflight = c.enablePreflight;
  }

  /** The alias of this provider configuration, if any (resources refer to it as `azapi.<alias>`). */
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = readArgument(this, AZAPI_PROVIDER_CONFIG, 'alias', value);
  }

  /** Leaves this the default configuration of the provider. */
  public resetAlias(): void {
    this._alias = undefined;
  }

  /** The alias, as set. */
  public get aliasInput(): string | undefined {
    return this._alias;
  }

  /** The subscription id. */
  public get subscriptionId(): string | undefined {
    return this._subscriptionId;
  }

  public set subscriptionId(value: string | undefined) {
    this._subscriptionId = readArgument(this, AZAPI_PROVIDER_CONFIG, 'subscriptionId', value);
  }

  /** Leaves the subscription id to the default: `ARM_SUBSCRIPTION_ID`. */
  public resetSubscriptionId(): void {
    this._subscriptionId = undefined;
  }

  /** The subscription id, as set. */
  public get subscriptionIdInput(): string | undefined {
    return this._subscriptionId;
  }

  /** The tenant id. */
  public get tenantId(): string | undefined {
    return this._tenantId;
  }

  public set tenantId(value: string | undefined) {
    this._tenantId = readArgument(this, AZAPI_PROVIDER_CONFIG, 'tenantId', value);
  }

  /** Leaves the tenant id to the default: `ARM_TENANT_ID`. */
  public resetTenantId(): void {
    this._tenantId = undefined;
  }

  /** The tenant id, as set. */
  public get tenantIdInput(): string | undefined {
    return this._tenantId;
  }

  /** The client id. */
  public get clientId(): string | undefined {
    return this._clientId;
  }

  public set clientId(value: string | undefined) {
    this._clientId = readArgument(this, AZAPI_PROVIDER_CONFIG, 'clientId', value);
  }

  /** Leaves the client id to the default: `ARM_CLIENT_ID`. */
  public resetClientId(): void {
    this._clientId = undefined;
  }

  /** The client id, as set. */
  public get clientIdInput(): string | undefined {
    return this._clientId;
  }

  /** The cloud environment. */
  public get environment(): string | undefined {
    return this._environment;
  }

  public set environment(value: string | undefined) {
    this._environment = readArgument(this, AZAPI_PROVIDER_CONFIG, 'environment', value);
  }

  /** Leaves the cloud environment to the default: `public`. */
  public resetEnvironment(): void {
    this._environment = undefined;
  }

  /** The cloud environment, as set. */
  public get environmentInput(): string | undefined {
    return this._environment;
  }

  /** Whether to authenticate with the Azure CLI. */
  public get useCli(): boolean | undefined {
    return this._useCli;
  }

  public set useCli(value: boolean | undefined) {
    this._useCli = readArgument(this, AZAPI_PROVIDER_CONFIG, 'useCli', value);
  }

  /** Leaves whether to authenticate with the Azure CLI to the default: the provider default (true). */
  public resetUseCli(): void {
    this._useCli = undefined;
  }

  /** Whether to authenticate with the Azure CLI, as set. */
  public get useCliInput(): boolean | undefined {
    return this._useCli;
  }

  /** Whether to authenticate with a managed identity. */
  public get useMsi(): boolean | undefined {
    return this._useMsi;
  }

  public set useMsi(value: boolean | undefined) {
    this._useMsi = readArgument(this, AZAPI_PROVIDER_CONFIG, 'useMsi', value);
  }

  /** Leaves whether to authenticate with a managed identity to the default: false. */
  public resetUseMsi(): void {
    this._useMsi = undefined;
  }

  /** Whether to authenticate with a managed identity, as set. */
  public get useMsiInput(): boolean | undefined {
    return this._useMsi;
  }

  /** Whether to authenticate with OpenID Connect. */
  public get useOidc(): boolean | undefined {
    return this._useOidc;
  }

  public set useOidc(value: boolean | undefined) {
    this._useOidc = readArgument(this, AZAPI_PROVIDER_CONFIG, 'useOidc', value);
  }

  /** Leaves whether to authenticate with OpenID Connect to the default: false. */
  public resetUseOidc(): void {
    this._useOidc = undefined;
  }

  /** Whether to authenticate with OpenID Connect, as set. */
  public get useOidcInput(): boolean | undefined {
    return this._useOidc;
  }

  /** The location of resources that set none. */
  public get defaultLocation(): string | undefined {
    return this._defaultLocation;
  }

  public set defaultLocation(value: string | undefined) {
    this._defaultLocation = readArgument(this, AZAPI_PROVIDER_CONFIG, 'defaultLocation', value);
  }

  /** Leaves the location of resources that set none to the default: none. */
  public resetDefaultLocation(): void {
    this._defaultLocation = undefined;
  }

  /** The location of resources that set none, as set. */
  public get defaultLocationInput(): string | undefined {
    return this._defaultLocation;
  }

  /** Whether resource providers are left unregistered. */
  public get skipProviderRegistration(): boolean | undefined {
    return this._skipProviderRegistration;
  }

  public set skipProviderRegistration(value: boolean | undefined) {
    this._skipProviderRegistration = readArgument(
      this,
      AZAPI_PROVIDER_CONFIG,
      'skipProviderRegistration',
      value,
    );
  }

  /** Leaves whether resource providers are left unregistered to the default: false. */
  public resetSkipProviderRegistration(): void {
    this._skipProviderRegistration = undefined;
  }

  /** Whether resource providers are left unregistered, as set. */
  public get skipProviderRegistrationInput(): boolean | undefined {
    return this._skipProviderRegistration;
  }

  /** Whether ARM preflight validation runs during plan. */
  public get enablePreflight(): boolean | undefined {
    return this._enablePreflight;
  }

  public set enablePreflight(value: boolean | undefined) {
    this._enablePreflight = readArgument(this, AZAPI_PROVIDER_CONFIG, 'enablePreflight', value);
  }

  /** Leaves whether ARM preflight validation runs during plan to the default: false. */
  public resetEnablePreflight(): void {
    this._enablePreflight = undefined;
  }

  /** Whether ARM preflight validation runs during plan, as set. */
  public get enablePreflightInput(): boolean | undefined {
    return this._enablePreflight;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      alias: this._alias,
      subscription_id: this._subscriptionId,
      tenant_id: this._tenantId,
      client_id: this._clientId,
      environment: this._environment,
      use_cli: this._useCli,
      use_msi: this._useMsi,
      use_oidc: this._useOidc,
      default_location: this._defaultLocation,
      skip_provider_registration: this._skipProviderRegistration,
      enable_preflight: this._enablePreflight,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return toHclAttributes(this.synthesizeAttributes());
  }
}
