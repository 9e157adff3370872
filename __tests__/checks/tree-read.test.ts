/**
 * A validation pass reads the construct tree once: the rules that compare a construct with every other one of
 * the app (endpoint names, workspace names, role assignments, DNS zones) filter that one read, so that
 * validation grows with the size of the app, not with its square. Outside a pass, every read sees the tree as it
 * is now.
 */
import { Node } from 'constructs';
import { appConstructs, configurationProblems, withOneTreeRead } from '../../src/checks';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { FakeWorkspace } from '../support/fake-workspace';
import { testStack } from '../support/synth';

const isEndpoint = (c: unknown): c is SecureOnlineEndpoint => c instanceof SecureOnlineEndpoint;

afterEach(() => jest.restoreAllMocks());

test('one pass over many endpoints walks the tree a fixed number of times and still finds the clash', () => {
  const stack = testStack();
  const workspace = new FakeWorkspace(stack, 'Workspace');
  for (let i = 1; i <= 30; i++) {
    new SecureOnlineEndpoint(stack, `Endpoint${i}`, { workspace, endpointName: `endpt-${i}` });
  }
  new SecureOnlineEndpoint(stack, 'Again', { workspace, endpointName: 'ENDPT-7' });
  const walks = jest.spyOn(Node.prototype, 'findAll');

  const problems = configurationProblems(stack.node.root).map((p) => p.message);

  expect(problems).toEqual([expect.stringMatching(/\[SE222\] test\/Again: endpoint name 'ENDPT-7'/)]);
  // The pass's own read and the list of constructs with problems: not one per endpoint.
  expect(walks.mock.calls.length).toBeLessThanOrEqual(2);
});

test('a pass answers from its read; before and after it, a read sees constructs added since', () => {
  const stack = testStack();
  const workspace = new FakeWorkspace(stack, 'Workspace');
  new SecureOnlineEndpoint(stack, 'First', { workspace, endpointName: 'endpt-first' });
  expect(appConstructs(stack, isEndpoint).map((e) => e.node.id)).toEqual(['First']);

  const inPass = withOneTreeRead(stack, () => {
    const before = appConstructs(stack, isEndpoint).map((e) => e.node.id);
    // A nested pass runs in the outer read; a caller changing the list it got changes nothing for the next one.
    const nested = withOneTreeRead(stack, () => appConstructs(stack, isEndpoint));
    nested.pop();
    return { before, again: appConstructs(stack, isEndpoint).map((e) => e.node.id) };
  });
  expect(inPass).toEqual({ before: ['First'], again: ['First'] });

  new SecureOnlineEndpoint(stack, 'Second', { workspace, endpointName: 'endpt-second' });
  expect(appConstructs(stack, isEndpoint).map((e) => e.node.id)).toEqual(['First', 'Second']);
  expect(withOneTreeRead(stack, () => appConstructs(stack, isEndpoint).length)).toBe(2);
});

test('a pass that throws leaves no read behind', () => {
  const stack = testStack();
  const workspace = new FakeWorkspace(stack, 'Workspace');
  expect(() =>
    withOneTreeRead(stack, () => {
      throw new Error('rule failed');
    }),
  ).toThrow('rule failed');
  new SecureOnlineEndpoint(stack, 'Later', { workspace, endpointName: 'endpt-later' });
  expect(appConstructs(stack, isEndpoint)).toHaveLength(1);
});
