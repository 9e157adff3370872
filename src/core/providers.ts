import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformDataSource, TerraformProvider, TerraformResource } from 'cdktf';
import { checkFrameworkCore } from './edition';
import { ConfigurationError, problemsOf } from '../checks';

/** The `provider` prop every construct of this library has. */
export interface ProviderProps {
  /**
   * The provider configurations this construct's resources use: an aliased `AzurermProvider`, an aliased
   * `AzapiProvider`, or both (for example a second subscription). Each resource gets the one of its own provider
   * type; types not given keep the default configuration. Constructs created inside this one inherit it unless they
   * set their own. A provider of a type no resource of the construct uses is refused (SE008): it would be
   * silently ignored.
   * @default the default (not aliased) configuration of each provider
   */
  readonly provider?: TerraformProvider | TerraformProvider[];
}

/**
 * Makes every resource and data source under `scope` (also those added later) use the given providers. The
 * props reader has checked that `provider` is a provider or a list of them; at synth, a provider of a type that
 * no resource under `scope` uses is refused (SE008).
 */
export function useProviders(
  scope: IConstruct,
  provider: TerraformProvider | TerraformProvider[] | undefined,
): void {
  checkFrameworkCore(scope);
  if (provider === undefined) return;
  const providers = Array.isArray(provider) ? provider : [provider];
  if (providers.length === 0) return;
  Aspects.of(scope).add(new ProviderAspect(providers));
  problemsOf(scope).addRule(() => {
    const used = new Set(scope.node.findAll().flatMap(providerTypeOf));
    return providers
      .filter((p) => !used.has(p.terraformResourceType))
      .map(
        (p) =>
          new ConfigurationError(
            'SE008',
            `provider '${p.node.path}' is a ${p.terraformResourceType} provider, but no resource of this ` +
              `construct uses one (its resources use ${[...used].sort().join(', ') || 'none'}): it would be ` +
              `ignored; pass the provider of the type its resources need, or leave it out`,
          ),
      );
  });
}

function providerTypeOf(node: IConstruct): string[] {
  if (!(node instanceof TerraformResource || node instanceof TerraformDataSource)) return [];
  const type = node.terraformGeneratorMetadata?.providerName;
  return type === undefined ? [] : [type];
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
