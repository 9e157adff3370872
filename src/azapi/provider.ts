import { readProps } from '../checks';
import './readers';
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

/** The Azure/azapi Terraform provider, pinned to `~> 2.12` (the first with 2026-05-15-preview types). */
export class AzapiProvider extends cdktf.TerraformProvider {
  /** The Terraform provider type, `azapi`. */
  public static readonly tfResourceType = 'azapi';

  private readonly config: AzapiProviderConfig;
  // cdktf's TerraformProvider declares `alias` as an accessor that stores nothing: providers keep their own.
  private aliasValue: string | undefined;

  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: AzapiProvider.tfResourceType,
      terraformGeneratorMetadata: AZAPI_PROVIDER_METADATA,
      terraformProviderSource: 'Azure/azapi',
    });
    checkFrameworkCore(this);
    config = readProps(this, 'AzapiProviderConfig', config);
    this.config = config;
    this.alias = config.alias;
  }

  /** The alias of this provider configuration, if any (resources refer to it as `azapi.<alias>`). */
  public get alias(): string | undefined {
    return this.aliasValue;
  }

  /** Sets the alias (`azapi.<alias>`); set it at construction with `alias`. */
  public set alias(value: string | undefined) {
    this.aliasValue = value;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      alias: this.alias,
      subscription_id: c.subscriptionId,
      tenant_id: c.tenantId,
      client_id: c.clientId,
      environment: c.environment,
      use_cli: c.useCli,
      use_msi: c.useMsi,
      use_oidc: c.useOidc,
      default_location: c.defaultLocation,
      skip_provider_registration: c.skipProviderRegistration,
      enable_preflight: c.enablePreflight,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return toHclAttributes(this.synthesizeAttributes());
  }
}
