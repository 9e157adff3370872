/**
 * The documented endpoint and deployment configurations (docs/endpoint.md, docs/deployment.md), built on the real
 * ManagedVnetWorkspace: snapshot-tested by configurations.test.ts, applied by `npm run test:apply`.
 */
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  BlueDeployment,
  CodeConfiguration,
  EgressPublicNetworkAccess,
  Environment,
  Model,
  OnlineDeployment,
} from '../../src/deployment';
import { EndpointAuthMode, EndpointIdentity } from '../../src/endpoint';
import { IsolationMode } from '../../src/workspace';
import { DocumentedConfiguration } from '../support/documented';
import { howToDeployment } from './helpers';
import { howToStack } from './how-to-stack';

export const ENDPOINT_CONFIGURATIONS: readonly DocumentedConfiguration[] = [
  {
    title: 'the how-to as written: approved outbound, public access disabled, blue with all traffic',
    stackName: 'endpoint-how-to',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'internet outbound (the how-to alternative): no image-build FQDN rules',
    stackName: 'endpoint-internet-outbound',
    build: (stack) => {
      const { endpoint } = howToStack(
        { isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND },
        {},
        undefined,
        stack,
      );
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'endpoint public network access enabled (the how-to alternative)',
    stackName: 'endpoint-public-access',
    build: (stack) => {
      const { endpoint } = howToStack({}, { publicNetworkAccess: true }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'AMLToken auth',
    stackName: 'endpoint-aml-token',
    build: (stack) => {
      const { endpoint } = howToStack({}, { authMode: EndpointAuthMode.AML_TOKEN }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'AADToken auth',
    stackName: 'endpoint-aad-token',
    build: (stack) => {
      const { endpoint } = howToStack({}, { authMode: EndpointAuthMode.AAD_TOKEN }, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'user-assigned endpoint identity with its role assignments',
    stackName: 'endpoint-user-assigned-identity',
    build: (stack) => {
      const { endpoint } = howToStack(
        {},
        {},
        (s) => ({
          identity: EndpointIdentity.userAssigned(
            new UserAssignedIdentity(s, 'EndpointIdentity', {
              name: 'uai-endpt-moe-1',
              location: 'westeurope',
              resourceGroupName: 'rg-ml',
            }),
          ),
        }),
        stack,
      );
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    },
  },
  {
    title: 'blue/green: all live traffic to blue, 20 % mirrored to green',
    stackName: 'endpoint-blue-green',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
      const green = new OnlineDeployment(stack, 'Green', {
        endpoint,
        ...howToDeployment(),
        instanceType: 'Standard_F4s_v2',
      });
      // Azure ML mirrors only to a deployment without live traffic.
      endpoint.routeTraffic({ blue: 100, green: 0 });
      endpoint.mirrorTraffic(green, 20);
    },
  },
  {
    title: 'MLflow model: no code, no environment; the image-build rules its conda dependencies need',
    stackName: 'endpoint-mlflow',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', {
        endpoint,
        model: Model.mlflowFromLocalPath('__tests__/deployment/fixtures/mlflow-model'),
      });
    },
  },
  {
    title: 'assets by id: a registry model, a workspace code version, a curated environment',
    stackName: 'endpoint-assets-by-id',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', {
        endpoint,
        model: Model.fromAssetId('azureml://registries/azureml/models/sklearn-regression/versions/1'),
        code: CodeConfiguration.fromAssetId('azureml:score-code:1', 'score.py'),
        environment: Environment.fromAssetId(
          'azureml://registries/azureml/environments/sklearn-1.5/versions/1',
        ),
      });
    },
    behavioursOff: {
      'asset-refs':
        'the code version azureml:score-code:1 is registered outside the stack, and the emulated ARM does not hold it',
    },
  },
  {
    title: 'legacy egress setting: egressPublicNetworkAccess Disabled, as the legacy scripts set it',
    stackName: 'endpoint-legacy-egress',
    build: (stack) => {
      const { endpoint } = howToStack({}, {}, undefined, stack);
      new BlueDeployment(stack, 'Blue', {
        endpoint,
        ...howToDeployment(),
        egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED,
      });
    },
  },
];
