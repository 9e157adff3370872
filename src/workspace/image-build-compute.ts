import { createOnlyProperties } from '../arm/create-only';
import { Construct } from 'constructs';
import { ITerraformDependable, Token } from 'cdktf';
import { AmlComputeBody, MlApiVersion } from '../arm';
import { AzapiResource, DataAzapiResource } from '../azapi';
import { bool, defineProps, duration, name, object, fromFactory, text, whole } from '../checks/read';

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
  /**
   * Refuse key and SSH login to the cluster: Entra ID and managed identities only (Azure Policy "Azure Machine
   * Learning Computes should have local authentication methods disabled"). Azure sets it only when a cluster is
   * created, so it is decided per cluster:
   * - unset: on for a cluster this stack creates; a cluster that already exists (one an earlier release created)
   *   keeps its live setting, read at plan time, and is never replaced for it;
   * - `true`: on, and an existing cluster with it off is replaced (idle between image builds: no endpoint stops
   *   serving; only an image build running during that apply would fail);
   * - `false`: not sent: Azure's default, local authentication allowed.
   * @default - on for a new cluster; an existing cluster keeps its own setting
   */
  readonly disableLocalAuth?: boolean;
}

export const IMAGE_BUILD_CLUSTER_OPTIONS = defineProps<ImageBuildClusterOptions>('ImageBuildClusterOptions', {
  // Checked with the workspace's path where the workspace uses them (SE110, SE120).
  computeName: name({ tokens: 'expression', optional: true }),
  vmSize: text({ tokens: 'expression', what: "a VM size name (text such as 'Standard_DS3_v2')" }),
  maxNodeCount: whole({ tokens: 'expression', min: 1, code: 'SE120', unit: 'nodes' }),
  nodeIdleTimeBeforeScaleDown: duration({ tokens: 'expression' }),
  // Sent as an expression when one is given; a literal false is Azure's default and is not sent; unset, the
  // live cluster decides (see disableLocalAuthOf).
  disableLocalAuth: bool({ tokens: 'expression' }),
});
export const IMAGE_BUILD_COMPUTE_CLUSTER_PARAMS = defineProps<{ options: ImageBuildClusterOptions }>(
  'ImageBuildCompute.cluster',
  {
    options: object('ImageBuildClusterOptions', IMAGE_BUILD_CLUSTER_OPTIONS),
  },
);
export const IMAGE_BUILD_COMPUTE_EXISTING_PARAMS = defineProps<{ computeName: string }>(
  'ImageBuildCompute.existing',
  {
    computeName: name({ tokens: 'expression' }),
  },
);

/**
 * Where Azure ML builds environment images. A container registry that is not publicly reachable cannot build
 * images itself (`ImageBuildComputeNotValid`), so the workspace names a compute cluster for it.
 * Enum-like: use the static factories.
 */
export class ImageBuildCompute {
  /** A small CPU cluster with zero minimum nodes, created in the workspace (the default): it costs nothing idle. */
  public static cluster(options: ImageBuildClusterOptions = {}): ImageBuildCompute {
    return fromFactory(
      IMAGE_BUILD_COMPUTE_CLUSTER_PARAMS,
      { options },
      (read) => new ImageBuildCompute(read.options?.computeName ?? 'image-build', read.options ?? {}),
      ImageBuildCompute.prototype,
    );
  }

  /** A compute that already exists in the workspace (or that you create yourself), by name. */
  public static existing(computeName: string): ImageBuildCompute {
    return fromFactory(
      IMAGE_BUILD_COMPUTE_EXISTING_PARAMS,
      { computeName },
      (read) => new ImageBuildCompute(read.computeName, undefined),
      ImageBuildCompute.prototype,
    );
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

/** Where and after what the workspace creates its image-build cluster. */
export interface ImageBuildClusterProps {
  /** The compute name, sent as the workspace's `properties.imageBuildCompute` as well. */
  readonly computeName: string;
  /** The cluster's options, as given to `ImageBuildCompute.cluster()`. */
  readonly options: ImageBuildClusterOptions;
  /** The workspace's api-version, which its computes use too. */
  readonly apiVersion: MlApiVersion;
  /** ARM id of the workspace, the cluster's parent. */
  readonly workspaceId: string;
  /** The workspace's region. */
  readonly location: string;
  /** Whether the workspace has a managed network (its isolation mode is not Disabled). */
  readonly managedNetwork: boolean;
  /** The managed network's provisioning action. @default none: the workspace does not provision its network */
  readonly provisioning?: ITerraformDependable;
  /** The workspace's tags. @default none */
  readonly tags?: { [key: string]: string };
}

/** The AmlCompute cluster that builds environment images, as the workspace creates it (construct id `ImageBuildCompute`). */
export function createImageBuildCluster(scope: Construct, props: ImageBuildClusterProps): AzapiResource {
  const { options } = props;
  const body: AmlComputeBody = {
    properties: {
      computeType: 'AmlCompute',
      description: 'Builds environment images for the private container registry',
      disableLocalAuth: disableLocalAuthOf(scope, props),
      properties: {
        vmSize: options.vmSize ?? 'Standard_DS3_v2',
        vmPriority: 'Dedicated',
        osType: 'Linux',
        // No public IP needs a virtual network: the managed one, or (isolation Disabled) a subnet this
        // library does not configure, where Azure refuses a no-public-IP cluster; leave Azure's default then.
        enableNodePublicIp: props.managedNetwork ? false : undefined,
        remoteLoginPortPublicAccess: 'Disabled',
        scaleSettings: {
          minNodeCount: 0,
          maxNodeCount: options.maxNodeCount ?? 1,
          nodeIdleTimeBeforeScaleDown: options.nodeIdleTimeBeforeScaleDown ?? 'PT120S',
        },
      },
    },
  };
  // Created after provisioning: creating a compute first would provision the managed network lazily,
  // before the outbound rules exist.
  return new AzapiResource(scope, 'ImageBuildCompute', {
    type: props.apiVersion.resourceType('workspaces/computes'),
    name: props.computeName,
    parentId: props.workspaceId,
    location: props.location,
    tags: props.tags,
    body,
    dependsOn: props.provisioning ? [props.provisioning] : undefined,
    // Azure updates a cluster's scale settings only (the compute update model has nothing else): another
    // VM size, priority, OS, public-IP or local-auth setting needs a new cluster. disableLocalAuth triggers a
    // replacement only when the code sets it: unset, it follows the live cluster and never differs from it.
    replaceTriggersRefs: createOnlyProperties('workspaces/computes', 'replace')
      .map((row) => row.path)
      .filter((path) => path !== 'properties.disableLocalAuth' || options.disableLocalAuth !== undefined),
  });
}

/**
 * `disableLocalAuth` as sent. Set in the code: as given (a literal false is Azure's default and is not sent).
 * Unset: true for a cluster that does not exist yet; for one that does, what it has (true, or nothing, which is
 * what a cluster of an earlier release was created with). Azure changes it only by replacing the cluster, and
 * neither azapi's `ignore_body_changes` nor Terraform's `ignore_changes` keeps a property the state lacks from
 * being sent, so the live cluster is read at plan time (construct id `LiveImageBuildCompute`): a new default that
 * replaced the image-build cluster of every stack applied with an earlier release is not one we make.
 */
function disableLocalAuthOf(scope: Construct, props: ImageBuildClusterProps): boolean | undefined {
  const wanted = props.options.disableLocalAuth;
  if (wanted !== undefined) return wanted === false ? undefined : wanted;
  const live = new DataAzapiResource(scope, 'LiveImageBuildCompute', {
    type: props.apiVersion.resourceType('workspaces/computes'),
    resourceId: `${props.workspaceId}/computes/${props.computeName}`,
    ignoreNotFound: true,
    responseExportValues: { disableLocalAuth: 'properties.disableLocalAuth' },
  });
  // null leaves the property out of the request, as an earlier release sent it.
  const keep = `try(${live.fqn}.output.disableLocalAuth, false) == true ? true : null`;
  return Token.asAny(`\${${live.fqn}.exists ? (${keep}) : true}`) as unknown as boolean;
}
