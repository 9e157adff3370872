import { StringMap } from './common';

/** Body of an asset container (`workspaces/models`, `workspaces/codes`, `workspaces/environments`). */
export interface AssetContainerBody {
  /** The nested properties object of this part of the body. */
  /** The container's properties. */
  readonly properties: {
    /** Free-text description. @default none */
    readonly description?: string;
    /** Tags inside `properties` (asset metadata, not Azure resource tags). @default none */
    readonly tags?: StringMap;
  };
}

/** The `modelType` of a model version. */
export type ModelType = 'custom_model' | 'mlflow_model' | 'triton_model';

/** Body of `workspaces/models/versions`. */
export interface ModelVersionBody {
  /** The nested properties object of this part of the body. */
  readonly properties: {
    /** `custom_model`, `mlflow_model` or `triton_model`. */
    readonly modelType: ModelType;
    /** Where the model files are: an `azureml://` datastore URI or a storage URL. */
    readonly modelUri: string;
    /** An anonymous asset has no user-facing name in the studio. @default false */
    readonly isAnonymous?: boolean;
    /** Free-text description. @default none */
    readonly description?: string;
    /** Tags inside `properties` (asset metadata, not Azure resource tags). @default none */
    readonly tags?: StringMap;
  };
}

/** Body of `workspaces/codes/versions`. */
export interface CodeVersionBody {
  /** The nested properties object of this part of the body. */
  readonly properties: {
    /** Where the code files are: a storage URL of the uploaded folder. */
    readonly codeUri: string;
    /** An anonymous asset has no user-facing name in the studio. @default false */
    readonly isAnonymous?: boolean;
    /** Free-text description. @default none */
    readonly description?: string;
  };
}

/** Body of `workspaces/environments/versions`. `condaFile` is the file's content, not a path. */
export interface EnvironmentVersionBody {
  /** The nested properties object of this part of the body. */
  readonly properties: {
    /** Container image the environment is built on, e.g. `mcr.microsoft.com/azureml/...`. */
    readonly image: string;
    /** Content of the conda file (YAML text). @default none (the image as is) */
    readonly condaFile?: string;
    /** Operating system. @default Linux */
    readonly osType?: 'Linux' | 'Windows';
    /** An anonymous asset has no user-facing name in the studio. @default false */
    readonly isAnonymous?: boolean;
    /** Free-text description. @default none */
    readonly description?: string;
  };
}

/** Body of `workspaces/computes` for an AmlCompute cluster. */
export interface AmlComputeBody {
  /** The nested properties object of this part of the body. */
  readonly properties: {
    /** Always `AmlCompute` here. */
    readonly computeType: 'AmlCompute';
    /** Free-text description. @default none */
    readonly description?: string;
    /** Refuse key and SSH login to the compute. @default Azure default */
    readonly disableLocalAuth?: boolean;
    /** The nested properties object of this part of the body. */
    readonly properties: {
      /** VM size of the nodes, e.g. `Standard_DS3_v2`. */
      readonly vmSize: string;
      /** `Dedicated` or `LowPriority`. @default Dedicated */
      readonly vmPriority?: 'Dedicated' | 'LowPriority';
      /** Operating system. @default Linux */
      readonly osType?: 'Linux' | 'Windows';
      /** Give nodes public IPs; false needs a (managed) virtual network. @default true (Azure) */
      readonly enableNodePublicIp?: boolean;
      /** Whether the SSH port is open to the internet. @default NotSpecified */
      readonly remoteLoginPortPublicAccess?: 'Enabled' | 'Disabled' | 'NotSpecified';
      /** Node count and scale-down delay. */
      readonly scaleSettings: {
        /** Nodes kept running. @default 0 */
        readonly minNodeCount?: number;
        /** Most nodes at once. */
        readonly maxNodeCount: number;
        /** ISO 8601 duration before an idle node is released. @default PT120S */
        readonly nodeIdleTimeBeforeScaleDown?: string;
      };
    };
  };
}
