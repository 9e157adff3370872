import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformVariable } from 'cdktf';
import {
  BlueDeployment,
  CodeConfiguration,
  EgressPublicNetworkAccess,
  Environment,
  Model,
  OnlineDeployment,
  OnlineDeploymentOptions,
} from '../../src/deployment';
import { FakeWorkspaceOptions } from '../support/fake-workspace';
import { IsolationMode } from '../../src/workspace';
import {
  validated,
  resourcesOfType,
  synthJson,
  synthWith,
  testStack,
  mlResourcesOfType,
  mlResourceNamed,
} from '../support/synth';
import { endpointOn, howTo, howToDeployment, IMAGE } from '../endpoint/helpers';

const DEPLOYMENTS = 'workspaces/onlineEndpoints/deployments';

describe('OnlineDeployment and BlueDeployment', () => {
  test('the how-to blue deployment: Managed, sku Default x instanceCount, assets by version id', () => {
    const json = synthWith((s) => howTo(s));
    const blue = mlResourceNamed(json, DEPLOYMENTS, 'blue');
    const model = mlResourcesOfType(json, 'workspaces/models/versions')[0];
    const code = mlResourcesOfType(json, 'workspaces/codes/versions')[0];
    const env = mlResourcesOfType(json, 'workspaces/environments/versions')[0];
    expect(blue).toMatchObject({
      parent_id: '${azapi_resource.Endpoint_EEF1FD8F.id}',
      location: 'westeurope',
      body: {
        sku: { name: 'Default', capacity: 1 },
        properties: {
          endpointComputeType: 'Managed',
          model: `\${azapi_resource.${model[0]}.id}`,
          codeConfiguration: { codeId: `\${azapi_resource.${code[0]}.id}`, scoringScript: 'score.py' },
          environmentId: `\${azapi_resource.${env[0]}.id}`,
          instanceType: 'Standard_DS3_v2',
          appInsightsEnabled: false,
        },
      },
    });
    expect(JSON.stringify(blue.body)).not.toContain('egressPublicNetworkAccess');
  });

  test('the deployment waits for provisioning, its asset versions and the image-build rules', () => {
    const json = synthWith((s) => howTo(s));
    const blue = mlResourceNamed(json, DEPLOYMENTS, 'blue');
    const deps = blue.depends_on ?? [];
    expect(deps).toContain('azapi_resource_action.Workspace_Provision_273C69CF');
    for (const kind of ['models', 'codes', 'environments']) {
      expect(deps).toContain(
        `azapi_resource.${mlResourcesOfType(json, `workspaces/${kind}/versions`)[0][0]}`,
      );
    }
    const rules = mlResourcesOfType(json, 'workspaces/outboundRules');
    expect(
      rules.map(([, r]) => (r.body as { properties: { destination: string } }).properties.destination).sort(),
    ).toEqual(['*.anaconda.com', '*.anaconda.org', '*.pythonhosted.org', 'anaconda.com', 'pypi.org']);
    for (const [name] of rules) expect(deps).toContain(`azapi_resource.${name}`);
  });

  test('image-build rules are added once per workspace, however many deployments build images', () => {
    const json = synthWith((s) => {
      const { endpoint } = howTo(s);
      endpoint.addDeployment('Green', howToDeployment());
    });
    expect(mlResourcesOfType(json, 'workspaces/outboundRules')).toHaveLength(5);
  });

  test('no image-build rules under AllowInternetOutbound, with the opt-out, or without a conda file', () => {
    const count = (build: Parameters<typeof synthWith>[0]) =>
      mlResourcesOfType(synthWith(build), 'workspaces/outboundRules').length;
    expect(
      count((s) => {
        const { endpoint } = endpointOn(s, { isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND });
        new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
      }),
    ).toBe(0);
    expect(
      count((s) => {
        const { endpoint } = endpointOn(s);
        new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment(), addImageBuildOutboundRules: false });
      }),
    ).toBe(0);
    expect(
      count((s) => {
        const { endpoint } = endpointOn(s);
        new BlueDeployment(s, 'Blue', {
          endpoint,
          ...howToDeployment(),
          environment: Environment.fromImage(IMAGE),
        });
      }),
    ).toBe(0);
  });

  test('request settings and probes: CLI units in, ISO 8601 durations out', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s);
      new BlueDeployment(s, 'Blue', {
        endpoint,
        ...howToDeployment(),
        instanceCount: 3,
        requestSettings: {
          requestTimeoutMs: 90000,
          maxConcurrentRequestsPerInstance: 2,
          maxQueueWaitMs: 500,
        },
        livenessProbe: {
          initialDelaySeconds: 30,
          periodSeconds: 10,
          timeoutSeconds: 2,
          successThreshold: 1,
          failureThreshold: 30,
        },
        readinessProbe: { initialDelaySeconds: 10 },
        environmentVariables: { WORKERS: '2' },
        appInsightsEnabled: true,
        description: 'blue',
        tags: { stage: 'test' },
      });
    });
    expect(mlResourceNamed(json, DEPLOYMENTS, 'blue')).toMatchObject({
      tags: { stage: 'test' },
      body: {
        sku: { name: 'Default', capacity: 3 },
        properties: {
          requestSettings: {
            requestTimeout: 'PT90S',
            maxConcurrentRequestsPerInstance: 2,
            maxQueueWait: 'PT0.5S',
          },
          livenessProbe: {
            initialDelay: 'PT30S',
            period: 'PT10S',
            timeout: 'PT2S',
            successThreshold: 1,
            failureThreshold: 30,
          },
          readinessProbe: { initialDelay: 'PT10S' },
          environmentVariables: { WORKERS: '2' },
          appInsightsEnabled: true,
          description: 'blue',
        },
      },
    });
  });

  test('the legacy egress setting is sent as given', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s, { containerRegistryPrivateOnly: false });
      new BlueDeployment(s, 'Blue', {
        endpoint,
        ...howToDeployment(),
        egressPublicNetworkAccess: EgressPublicNetworkAccess.ENABLED,
      });
    });
    expect(mlResourceNamed(json, DEPLOYMENTS, 'blue').body).toMatchObject({
      properties: { egressPublicNetworkAccess: 'Enabled' },
    });
  });

  test('a Terraform variable for instanceCount, probe seconds or request milliseconds is passed on, not refused', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s);
      const num = (id: string) => new TerraformVariable(s, id, { type: 'number' }).numberValue;
      new BlueDeployment(s, 'Blue', {
        endpoint,
        ...howToDeployment(),
        instanceCount: num('instances'),
        requestSettings: { requestTimeoutMs: num('timeout_ms') },
        livenessProbe: { periodSeconds: num('period_s') },
      });
    });
    expect(mlResourceNamed(json, DEPLOYMENTS, 'blue').body).toMatchObject({
      sku: { name: 'Default', capacity: '${var.instances}' },
      properties: {
        requestSettings: { requestTimeout: 'PT${(var.timeout_ms / 1000)}S' },
        livenessProbe: { period: 'PT${var.period_s}S' },
      },
    });
  });

  test('a deployment name defaults to the construct id in lower case', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s);
      new OnlineDeployment(s, 'Green', { endpoint, ...howToDeployment() });
    });
    expect(mlResourceNamed(json, DEPLOYMENTS, 'green').name).toBe('green');
  });

  describe('checks', () => {
    const deploy =
      (props: Partial<OnlineDeploymentOptions>, ws: FakeWorkspaceOptions = {}) =>
      () => {
        const stack = testStack();
        const { endpoint } = endpointOn(stack, ws);
        new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment(), ...props });
      };

    test.each(['bl', 'Blue_1', '9green', 'green-'])('SE202 refuses deployment name %p', (deploymentName) => {
      expect(validated(deploy({ deploymentName }))).toThrow(/\[SE202\]/);
    });
    test('SE202 accepts a valid name', () =>
      expect(validated(deploy({ deploymentName: 'green-2' }))).not.toThrow());

    test('SE207 refuses an MLflow model with an environment but no scoring code', () => {
      const mlflow = Model.mlflowFromAssetId('azureml:mlflow-model:1');
      expect(validated(deploy({ model: mlflow, code: undefined }))).toThrow(/\[SE207\].*no scoring code/);
      // No code and no environment: Azure ML generates both.
      expect(validated(deploy({ model: mlflow, code: undefined, environment: undefined }))).not.toThrow();
    });

    test('an MLflow model with its own scoring script and environment (a customised deployment) is valid', () => {
      const json = synthWith((s) => {
        const { endpoint } = endpointOn(s);
        new OnlineDeployment(s, 'Blue', {
          endpoint,
          ...howToDeployment(),
          model: Model.mlflowFromAssetId('azureml:mlflow-model:1'),
        });
      });
      const [, deployment] = mlResourcesOfType(json, 'workspaces/onlineEndpoints/deployments')[0];
      const properties = (deployment.body as { properties: Record<string, unknown> }).properties;
      expect(properties.model).toMatch(/\/models\/mlflow-model\/versions\/1$/);
      expect(properties.codeConfiguration).toMatchObject({ scoringScript: 'score.py' });
      expect(properties.environmentId).toBeDefined();
    });

    test('SE208 refuses code without an environment', () => {
      expect(validated(deploy({ environment: undefined }))).toThrow(/\[SE208\]/);
    });

    test('SE220 refuses a custom model without an environment', () => {
      expect(validated(deploy({ environment: undefined, code: undefined }))).toThrow(/\[SE220\]/);
      expect(validated(deploy({ code: undefined }))).not.toThrow();
    });

    test('SE209 refuses legacy egress Enabled with a private-only registry', () => {
      const enabled = { egressPublicNetworkAccess: EgressPublicNetworkAccess.ENABLED };
      expect(validated(deploy(enabled, { containerRegistryPrivateOnly: true }))).toThrow(/\[SE209\]/);
      expect(validated(deploy(enabled, { containerRegistryPrivateOnly: false }))).not.toThrow();
      expect(
        validated(deploy({ egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED })),
      ).not.toThrow();
    });

    test('SE215 refuses a missing local path', () => {
      expect(validated(deploy({ model: Model.fromLocalPath('examples/model-1/nope') }))).toThrow(
        /\[SE215\].*nope/,
      );
      expect(
        validated(
          deploy({
            environment: Environment.fromImage(IMAGE, {
              condaFile: 'examples/model-1/environment/nope.yaml',
            }),
          }),
        ),
      ).toThrow(/\[SE215\]/);
    });

    test('SE216 refuses bad numbers', () => {
      expect(validated(deploy({ instanceCount: 0 }))).toThrow(/\[SE216\]/);
      expect(validated(deploy({ requestSettings: { requestTimeoutMs: 180001 } }))).toThrow(/\[SE216\]/);
      expect(validated(deploy({ livenessProbe: { periodSeconds: 1.5 } }))).toThrow(/\[SE216\]/);
      expect(
        validated(
          deploy({ requestSettings: { requestTimeoutMs: 180000 }, livenessProbe: { periodSeconds: 5 } }),
        ),
      ).not.toThrow();
    });

    test('SE217 refuses an asset id that is not a version of the right kind', () => {
      expect(validated(deploy({ model: Model.fromAssetId('my-model') }))).toThrow(/\[SE217\]/);
      expect(
        validated(
          deploy({
            model: Model.fromAssetId(
              '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/codes/c/versions/1',
            ),
          }),
        ),
      ).toThrow(/\[SE217\]/);
      expect(validated(deploy({ model: Model.fromAssetId('azureml:my-model:1') }))).not.toThrow();
    });

    test('SE218 refuses a scoring script that is not in the code folder', () => {
      expect(
        validated(
          deploy({ code: CodeConfiguration.fromLocalPath('examples/model-1/onlinescoring', 'main.py') }),
        ),
      ).toThrow(/\[SE218\]/);
    });

    test('SE219 refuses an MLflow folder without an MLmodel file', () => {
      const mlflow = (dir: string) => ({
        model: Model.mlflowFromLocalPath(dir),
        code: undefined,
        environment: undefined,
      });
      expect(validated(deploy(mlflow('examples/model-1/model')))).toThrow(/\[SE219\]/);
      expect(validated(deploy(mlflow('__tests__/deployment/fixtures/mlflow-model')))).not.toThrow();
    });
  });
});

describe('assets', () => {
  test('a local model is uploaded one blob per file under a content-addressed prefix, then registered', () => {
    const json = synthWith((s) => howTo(s));
    const [versionName, version] = mlResourcesOfType(json, 'workspaces/models/versions')[0];
    const hash = String(version.name);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const [containerName, container] = mlResourcesOfType(json, 'workspaces/models')[0];
    expect(container).toMatchObject({
      name: 'endpt-moe-1-blue-model',
      parent_id: '${azapi_resource.Workspace_2F8C78CC.id}',
    });
    expect(version.parent_id).toBe(`\${azapi_resource.${containerName}.id}`);
    expect(version.lifecycle).toEqual({ create_before_destroy: true });
    expect(version.body).toEqual({
      properties: {
        modelType: 'custom_model',
        isAnonymous: false,
        modelUri:
          'azureml://subscriptions/${element(split("/", azapi_resource.Workspace_2F8C78CC.id), 2)}/resourcegroups/rg-ml' +
          `/workspaces/mlw-secure/datastores/workspaceblobstore/paths/cdktf-assets/models/${hash}/model`,
      },
    });
    const blobs = Object.entries(resourcesOfType(json, 'azurerm_storage_blob')).filter(([n]) =>
      n.startsWith('Workspace_Assets_Upload-models-'),
    );
    expect(blobs).toHaveLength(1);
    const [blobName, blob] = blobs[0];
    expect(blob).toMatchObject({
      name: `cdktf-assets/models/${hash}/model/model.json`,
      storage_account_name: 'stmlsecure',
      storage_container_name: 'azureml-blobstore-${azapi_resource.Workspace_2F8C78CC.output.workspaceGuid}',
      type: 'Block',
      lifecycle: { create_before_destroy: true },
    });
    expect(String(blob.source)).toMatch(/^\$\{path\.module\}\/assets\/[^/]+\/[^/]+\/model\.json$/);
    expect(version.depends_on).toEqual([`azurerm_storage_blob.${blobName}`]);
    // Owned by the workspace's asset registry, named by container and content: not by the deployment.
    expect(versionName).toMatch(
      new RegExp(`^Workspace_Assets_Version-models-endpt-moe-1-blue-model-${hash}_`),
    );
    expect(containerName).toMatch(/^Workspace_Assets_Container-models-endpt-moe-1-blue-model_/);
  });

  test('a code version points at the uploaded folder over https; the script stays in the deployment', () => {
    const json = synthWith((s) => howTo(s));
    const [, version] = mlResourcesOfType(json, 'workspaces/codes/versions')[0];
    expect(version.body).toEqual({
      properties: {
        isAnonymous: false,
        codeUri:
          'https://stmlsecure.blob.core.windows.net/azureml-blobstore-${azapi_resource.Workspace_2F8C78CC.output.workspaceGuid}' +
          `/cdktf-assets/codes/${String(version.name)}/onlinescoring`,
      },
    });
  });

  test('an image environment carries the conda file content', () => {
    const json = synthWith((s) => howTo(s));
    const [, version] = mlResourcesOfType(json, 'workspaces/environments/versions')[0];
    expect(version.body).toEqual({
      properties: {
        image: IMAGE,
        condaFile: fs.readFileSync('examples/model-1/environment/conda.yaml', 'utf8'),
        osType: 'Linux',
        isAnonymous: false,
      },
    });
  });

  test('asset versions change when content changes, and not otherwise', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-model-'));
    const modelDir = path.join(dir, 'model');
    fs.mkdirSync(path.join(modelDir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(modelDir, 'a.json'), '{"a":1}');
    fs.writeFileSync(path.join(modelDir, 'sub', 'b.txt'), 'b');
    const version = (): string => {
      const json = synthWith((s) => {
        const { endpoint } = endpointOn(s);
        new BlueDeployment(s, 'Blue', {
          endpoint,
          ...howToDeployment(),
          model: Model.fromLocalPath(modelDir),
        });
      });
      const blobs = Object.values(resourcesOfType(json, 'azurerm_storage_blob')).map((b) => String(b.name));
      expect(blobs.some((b) => /\/model\/sub\/[bc]\.txt$/.test(b))).toBe(true);
      return String(mlResourcesOfType(json, 'workspaces/models/versions')[0][1].name);
    };
    const first = version();
    expect(version()).toBe(first);
    fs.writeFileSync(path.join(modelDir, 'sub', 'b.txt'), 'b2');
    const second = version();
    expect(second).not.toBe(first);
    fs.renameSync(path.join(modelDir, 'sub', 'b.txt'), path.join(modelDir, 'sub', 'c.txt'));
    expect(version()).not.toBe(second);
    fs.rmSync(dir, { recursive: true });
  });

  test('the synthesized JSON holds no absolute path', () => {
    const stack = testStack();
    howTo(stack);
    const text = JSON.stringify(synthJson(stack));
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain(os.homedir());
  });

  test('assets by id: ARM ids and azureml:// URIs pass through, azureml:<name>:<version> becomes an ARM id', () => {
    const modelId =
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/models/m/versions/3';
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s);
      new BlueDeployment(s, 'Blue', {
        endpoint,
        model: Model.fromAssetId(modelId),
        code: CodeConfiguration.fromAssetId('azureml:score-code:2', 'score.py'),
        environment: Environment.fromAssetId(
          'azureml://registries/azureml/environments/sklearn-1.5/versions/1',
        ),
      });
    });
    expect(mlResourceNamed(json, DEPLOYMENTS, 'blue').body).toMatchObject({
      properties: {
        model: modelId,
        codeConfiguration: {
          codeId: '${azapi_resource.Workspace_2F8C78CC.id}/codes/score-code/versions/2',
          scoringScript: 'score.py',
        },
        environmentId: 'azureml://registries/azureml/environments/sklearn-1.5/versions/1',
      },
    });
    expect(mlResourcesOfType(json, 'workspaces/models/versions')).toHaveLength(0);
    expect(resourcesOfType(json, 'azurerm_storage_blob')).toEqual({});
  });

  test('an MLflow model folder registers an mlflow_model and needs no code or environment', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s);
      new BlueDeployment(s, 'Blue', {
        endpoint,
        model: Model.mlflowFromLocalPath('__tests__/deployment/fixtures/mlflow-model'),
      });
    });
    const [, version] = mlResourcesOfType(json, 'workspaces/models/versions')[0];
    expect(version.body).toMatchObject({ properties: { modelType: 'mlflow_model' } });
    const body = mlResourceNamed(json, DEPLOYMENTS, 'blue').body as { properties: Record<string, unknown> };
    expect(body.properties.codeConfiguration).toBeUndefined();
    expect(body.properties.environmentId).toBeUndefined();
    // Azure ML builds its image from the model's conda.yaml: the package-index rules come with it (issue: MLflow
    // models under approved outbound); tests in __tests__/operations/mlflow.test.ts cover the variants.
    expect(mlResourcesOfType(json, 'workspaces/outboundRules')).toHaveLength(5);
  });

  test('deployments with the same local files share one upload: no blob is declared twice', () => {
    const json = synthWith((s) => {
      const { endpoint } = howTo(s);
      endpoint.addDeployment('Green', howToDeployment());
    });
    const blobNames = Object.values(resourcesOfType(json, 'azurerm_storage_blob')).map((b) => String(b.name));
    // One model file and one score.py, however many deployments use them.
    expect(blobNames).toHaveLength(2);
    expect(new Set(blobNames).size).toBe(blobNames.length);
    // Each deployment keeps its own (default-named) versions, pointing at the same blobs.
    const models = mlResourcesOfType(json, 'workspaces/models/versions');
    expect(models).toHaveLength(2);
    expect(models[0][1].depends_on).toEqual(models[1][1].depends_on);
    const green = mlResourceNamed(json, DEPLOYMENTS, 'green');
    expect(green.depends_on).toContain(`azapi_resource.${models[1][0]}`);
  });

  test('one version per container and content: deployments naming the same asset share it', () => {
    const json = synthWith((s) => {
      const { endpoint } = howTo(s);
      for (const id of ['Green', 'Red']) {
        endpoint.addDeployment(id, {
          ...howToDeployment(),
          model: Model.fromLocalPath('examples/model-1/model', { name: 'sample-model' }),
        });
      }
    });
    const shared = mlResourcesOfType(json, 'workspaces/models/versions').filter(([, r]) =>
      String(r.parent_id).includes('Container-models-sample-model'),
    );
    expect(shared).toHaveLength(1);
    const id = `\${azapi_resource.${shared[0][0]}.id}`;
    for (const name of ['green', 'red']) {
      expect(mlResourceNamed(json, DEPLOYMENTS, name).body).toMatchObject({ properties: { model: id } });
      expect(mlResourceNamed(json, DEPLOYMENTS, name).depends_on).toContain(`azapi_resource.${shared[0][0]}`);
    }
  });

  test('SE221 refuses one asset name and version registered with different properties', () => {
    const fixture = '__tests__/deployment/fixtures/mlflow-model';
    const build = (second: Model) => () => {
      const stack = testStack();
      const { endpoint } = endpointOn(stack);
      new BlueDeployment(stack, 'Blue', {
        endpoint,
        model: Model.mlflowFromLocalPath(fixture, { name: 'm' }),
      });
      new OnlineDeployment(stack, 'Green', { endpoint, model: second });
    };
    expect(validated(build(Model.mlflowFromLocalPath(fixture, { name: 'm', description: 'other' })))).toThrow(
      /\[SE221\] .*models 'm' version '[0-9a-f]{16}' is registered twice/,
    );
    expect(validated(build(Model.mlflowFromLocalPath(fixture, { name: 'm' })))).not.toThrow();
  });

  test('a container named explicitly is shared by the deployments that use it', () => {
    const json = synthWith((s) => {
      const { endpoint } = howTo(s);
      endpoint.addDeployment('Green', {
        ...howToDeployment(),
        model: Model.fromLocalPath('examples/model-1/model', { name: 'sample-model' }),
      });
      endpoint.addDeployment('Red', {
        ...howToDeployment(),
        model: Model.fromLocalPath('examples/model-1/model', { name: 'sample-model' }),
      });
    });
    expect(
      mlResourcesOfType(json, 'workspaces/models')
        .map(([, r]) => r.name)
        .sort(),
    ).toEqual(['endpt-moe-1-blue-model', 'sample-model']);
  });
});
