/** Every problem of every construct at once: factories included, and nothing thrown past the others. */
import { TerraformStack } from 'cdktf';
import { Environment, Model, OnlineDeployment } from '../../src/deployment';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { FakeWorkspace } from '../support/fake-workspace';
import { reported } from '../support/synth';
import { howToDeployment, IMAGE } from '../endpoint/helpers';

function deploymentWith(
  stack: TerraformStack,
  id: string,
  endpointName: string,
  model: Model,
  env?: Environment,
) {
  const endpoint = new SecureOnlineEndpoint(stack, `${id}Endpoint`, {
    workspace: new FakeWorkspace(stack, `${id}Workspace`),
    endpointName,
  });
  return new OnlineDeployment(stack, id, {
    endpoint,
    ...howToDeployment(),
    model,
    ...(env === undefined ? {} : { environment: env }),
  });
}

test("a factory's refused parameter is reported with the other constructs' problems, not thrown first", () => {
  const messages = reported((s) => {
    // An endpoint name Azure refuses, made before the factory is called.
    new SecureOnlineEndpoint(s, 'Bad', { workspace: new FakeWorkspace(s, 'W'), endpointName: 'endpt_1' });
    // A factory with an optional parameter of the wrong kind: the app goes on.
    const model = Model.fromLocalPath('examples/model-1/model', { description: 5 as unknown as string });
    const env = Environment.fromImage(IMAGE, { condaFile: 7 as unknown as string });
    deploymentWith(s, 'Blue', 'endpt-rep-1', model, env);
  });
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/\[SE201\] test\/Bad: endpoint name 'endpt_1'/),
      expect.stringMatching(
        /\[SE001\] test\/Blue: Model\.fromLocalPath: options\.description is the number 5/,
      ),
      expect.stringMatching(
        /\[SE001\] test\/Blue: Environment\.fromImage: options\.condaFile is the number 7/,
      ),
    ]),
  );
});

test('a factory whose parameters are right carries nothing', () => {
  expect(
    reported((s) => {
      deploymentWith(s, 'Blue', 'endpt-rep-1', Model.fromLocalPath('examples/model-1/model'));
    }),
  ).toEqual([]);
});

test('a constructor that cannot go on stops with the problems recorded before it in the app', () => {
  expect(() =>
    reported((s) => {
      new SecureOnlineEndpoint(s, 'Bad', { workspace: new FakeWorkspace(s, 'W'), endpointName: 'endpt_1' });
      deploymentWith(s, 'Blue', 'endpt-rep-1', Model.fromAssetId(42 as unknown as string));
    }),
  ).toThrow(/\[SE001\] test\/Blue: Model\.fromAssetId: assetId is the number 42[^]*\[SE201\] test\/Bad/);
});
