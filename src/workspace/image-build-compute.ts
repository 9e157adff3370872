import { defineProps, definedSchemas, duration, name, object, readParams, text, whole } from '../checks/read';
/** Options of the compute cluster created to build images. */
export interface ImageBuildClusterOptions {
  /**
   * Compute name: 3 to 24 characters, starts with a letter, letters, digits and hyphens, and does not end
   * with a hyphen followed by digits.
   * @default 'image-build'
   */
  readonly computeName?: string;
  /** @default 'Standard_DS3_v2' */
  readonly vmSize?: string;
  /** Upper bound of the cluster. @default 1 */
  readonly maxNodeCount?: number;
  /** Idle time before a node is released, ISO 8601. @default 'PT120S' */
  readonly nodeIdleTimeBeforeScaleDown?: string;
}

defineProps<ImageBuildClusterOptions>('ImageBuildClusterOptions', {
  // Checked with the workspace's path where the workspace uses them (SE110, SE120).
  computeName: name({ tokens: 'expression', optional: true }),
  vmSize: text({ tokens: 'expression', what: "a VM size name (text such as 'Standard_DS3_v2')" }),
  maxNodeCount: whole({ tokens: 'expression', min: 1, code: 'SE120', unit: 'nodes' }),
  nodeIdleTimeBeforeScaleDown: duration({ tokens: 'expression' }),
});
defineProps<{ options: ImageBuildClusterOptions }>('ImageBuildCompute.cluster', {
  options: object('ImageBuildClusterOptions', definedSchemas().get('ImageBuildClusterOptions') ?? {}),
});
defineProps<{ computeName: string }>('ImageBuildCompute.existing', {
  computeName: name({ tokens: 'expression' }),
});

/**
 * Where Azure ML builds environment images. A container registry that is not publicly reachable cannot build
 * images itself (`ImageBuildComputeNotValid`), so the workspace names a compute cluster for it.
 * Enum-like: use the static factories.
 */
export class ImageBuildCompute {
  /** A small CPU cluster with zero minimum nodes, created in the workspace (the default): it costs nothing idle. */
  public static cluster(options: ImageBuildClusterOptions = {}): ImageBuildCompute {
    ({ options } = readParams(undefined, 'ImageBuildCompute.cluster', { options }));
    return new ImageBuildCompute(options.computeName ?? 'image-build', options);
  }

  /** A compute that already exists in the workspace (or that you create yourself), by name. */
  public static existing(computeName: string): ImageBuildCompute {
    readParams(undefined, 'ImageBuildCompute.existing', { computeName });
    return new ImageBuildCompute(computeName, undefined);
  }

  /**
   * No image-build compute: images are built by the registry or serverless compute. Only possible when the
   * container registry is publicly reachable (refused otherwise, check SE105).
   */
  public static none(): ImageBuildCompute {
    return new ImageBuildCompute(undefined, undefined);
  }

  private constructor(
    /** The compute name sent as `properties.imageBuildCompute`, or undefined for none. */
    public readonly computeName: string | undefined,
    /** Options of the cluster to create, or undefined when no cluster is created here. */
    public readonly clusterOptions: ImageBuildClusterOptions | undefined,
  ) {}
}
