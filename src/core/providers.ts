import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformDataSource, TerraformProvider, TerraformResource } from 'cdktf';
import { checkFrameworkCore } from './edition';

/** The `provider` prop every construct of this library has. */
export interface ProviderProps {
  /**
   * The provider configurations this construct's resources use: an aliased `AzurermProvider`, an aliased
   * `AzapiProvider`, or both (for example a second subscription). Each resource gets the one of its own provider
   * type; types not given keep the default configuration. Constructs created inside this one inherit it unless they
   * set their own.
   * @default the default (not aliased) configuration of each provider
   */
  readonly provider?: TerraformProvider | TerraformProvider[];
}

/** Makes every resource and data source under `scope` (also those added later) use the given providers. */
export function useProviders(
  scope: IConstruct,
  provider: TerraformProvider | TerraformProvider[] | undefined,
): void {
  checkFrameworkCore(scope);
  if (provider === undefined) return;
  const providers = Array.isArray(provider) ? provider : [provider];
  if (providers.length > 0) Aspects.of(scope).add(new ProviderAspect(providers));
}

/** Sets `provider` on elements whose generator metadata names one of the providers' types. */
class ProviderAspect implements IAspect {
  constructor(private readonly providers: TerraformProvider[]) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource || node instanceof TerraformDataSource)) return;
    const type = node.terraformGeneratorMetadata?.providerName;
    const provider = this.providers.find((p) => p.terraformResourceType === type);
    if (provider !== undefined) node.provider = provider;
  }
}
