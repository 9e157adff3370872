import type { EndpointAuthModeValue } from '../arm';

/** How clients authenticate to an online endpoint's scoring URI. */
export class EndpointAuthMode {
  /** A key that does not expire (`az ml online-endpoint get-credentials`). The CLI's and the how-to's default. */
  public static readonly KEY = new EndpointAuthMode('Key');
  /** An Azure Machine Learning token that expires (`az ml online-endpoint get-credentials` returns it). */
  public static readonly AML_TOKEN = new EndpointAuthMode('AMLToken');
  /** A Microsoft Entra token; callers need an RBAC role on the endpoint (managed endpoints only). */
  public static readonly AAD_TOKEN = new EndpointAuthMode('AADToken');

  private constructor(private readonly armValue: EndpointAuthModeValue) {}

  /** The ARM value of `properties.authMode`. */
  public get value(): string {
    return this.armValue;
  }

  /** The ARM value, typed as the request body declares it. @internal */
  public get _armValue(): EndpointAuthModeValue {
    return this.armValue;
  }

  /** The ARM value, e.g. `Key`. */
  public toString(): string {
    return this.value;
  }
}
