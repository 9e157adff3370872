import { StringMap } from './common';

/** Body of an asset container (`workspaces/models`, `workspaces/codes`, `workspaces/environments`). */
export interface AssetContainerBody {
  readonly properties: { readonly description?: string; readonly tags?: StringMap };
}

export type ModelType = 'custom_model' | 'mlflow_model' | 'triton_model';

/** Body of `workspaces/models/versions`. */
export interface ModelVersionBody {
  readonly properties: {
    readonly modelType: ModelType;
    readonly modelUri: string;
    readonly isAnonymous?: boolean;
    readonly description?: string;
    readonly tags?: StringMap;
  };
}

/** Body of `workspaces/codes/versions`. */
export interface CodeVersionBody {
  readonly properties: {
    readonly codeUri: string;
    readonly isAnonymous?: boolean;
    readonly description?: string;
  };
}

/** Body of `workspaces/environments/versions`. `condaFile` is the file's content, not a path. */
export interface EnvironmentVersionBody {
  readonly properties: {
    readonly image: string;
    readonly condaFile?: string;
    readonly osType?: 'Linux' | 'Windows';
    readonly isAnonymous?: boolean;
    readonly description?: string;
  };
}

/** Body of `workspaces/computes` for an AmlCompute cluster. */
export interface AmlComputeBody {
  readonly properties: {
    readonly computeType: 'AmlCompute';
    readonly description?: string;
    readonly disableLocalAuth?: boolean;
    readonly properties: {
      readonly vmSize: string;
      readonly vmPriority?: 'Dedicated' | 'LowPriority';
      readonly osType?: 'Linux' | 'Windows';
      readonly enableNodePublicIp?: boolean;
      readonly remoteLoginPortPublicAccess?: 'Enabled' | 'Disabled' | 'NotSpecified';
      readonly scaleSettings: {
        readonly minNodeCount?: number;
        readonly maxNodeCount: number;
        readonly nodeIdleTimeBeforeScaleDown?: string;
      };
    };
  };
}
