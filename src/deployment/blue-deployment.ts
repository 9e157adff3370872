import { Construct } from 'constructs';
import type { ISecureOnlineEndpoint } from '../endpoint/endpoint-ref';
import type { OnlineDeploymentSettings } from './deployment-options';
import { OnlineDeployment } from './online-deployment';

/** Props of `BlueDeployment`: those of `OnlineDeployment` but `deploymentName` (always `blue`). */
export interface BlueDeploymentProps extends OnlineDeploymentSettings {
  /** The endpoint the deployment belongs to. */
  readonly endpoint: ISecureOnlineEndpoint;
  /** Take all of the endpoint's traffic once deployed (the how-to's `--all-traffic`). @default true */
  readonly allTraffic?: boolean;
}

/**
 * The how-to's deployment: named `blue`, taking all traffic unless told otherwise.
 *
 * @example
 * new BlueDeployment(this, 'Blue', {
 *   endpoint,
 *   model: Model.fromLocalPath('model-1/model'),
 *   code: CodeConfiguration.fromLocalPath('model-1/onlinescoring', 'score.py'),
 *   environment: Environment.fromImage('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', {
 *     condaFile: 'model-1/environment/conda.yaml',
 *   }),
 * });
 */
export class BlueDeployment extends OnlineDeployment {
  constructor(scope: Construct, id: string, props: BlueDeploymentProps) {
    // Only a missing allTraffic defaults to true; anything else (null, a Terraform expression) is read as given.
    const allTraffic = props?.allTraffic === undefined ? true : props.allTraffic;
    super(scope, id, { ...props, deploymentName: 'blue', allTraffic });
  }
}
