/**
 * Small helpers for testing stacks that use this library: find the azapi resources of one ARM type in a
 * synthesized stack (`Testing.synth(stack)`), with their Terraform address, api-version and body.
 */

/** One `azapi_resource` (or another azapi resource type) of a synthesized stack. */
export interface SynthesizedAzapiResource {
  /** Terraform address, `azapi_resource.<name>`. */
  readonly address: string;
  /** The ARM type without api-version, e.g. `Microsoft.MachineLearningServices/workspaces/onlineEndpoints`. */
  readonly armType: string;
  /** The api-version after `@`. */
  readonly apiVersion: string;
  /** The resource's `name` argument (undefined for update resources and actions). */
  readonly name: unknown;
  /** The request body, as synthesized (an object). */
  readonly body: unknown;
  /** Every synthesized argument (`parent_id`, `depends_on`, `tags`, `locks`...). */
  readonly config: { readonly [argument: string]: unknown };
}

/**
 * The azapi resources of one ARM type in a synthesized stack, in address order.
 * @param synthesized `Testing.synth(stack)` (the JSON text) or its parsed object
 * @param armType the ARM type, with or without `@<api-version>` (`Microsoft.MachineLearningServices/workspaces`)
 * @param terraformType the azapi Terraform type. @default 'azapi_resource'
 */
export function azapiResourcesOfType(
  synthesized: string | object,
  armType: string,
  terraformType: string = 'azapi_resource',
): SynthesizedAzapiResource[] {
  const json = (typeof synthesized === 'string' ? JSON.parse(synthesized) : synthesized) as {
    resource?: { [type: string]: { [name: string]: { [argument: string]: unknown } } };
  };
  const wanted = armType.split('@');
  const resources = json.resource?.[terraformType] ?? {};
  return Object.keys(resources)
    .sort()
    .map((name) => ({ name, config: resources[name] }))
    .filter(({ config }) => {
      const [type, version] = String(config.type).split('@');
      return type === wanted[0] && (wanted[1] === undefined || version === wanted[1]);
    })
    .map(({ name, config }) => {
      const [type, version] = String(config.type).split('@');
      return {
        address: `${terraformType}.${name}`,
        armType: type,
        apiVersion: version,
        name: config.name,
        body: config.body,
        config,
      };
    });
}
