/**
 * The workspace contract as a user sees it: IManagedVnetWorkspace carries no internal hook, a workspace class of
 * one's own takes real outbound rules (they are written; no provisioning of this library waits for them), and
 * fromWorkspaceAttributes returns a workspace of a class the package does not export.
 */
import * as api from '../../src';
import { OutboundFqdnRule } from '../../src/outbound';
import { IsolationMode, ManagedVnetWorkspace, ManagedVnetWorkspaceBase } from '../../src/workspace';
import { FakeWorkspace } from '../support/fake-workspace';
import { mlResourcesOfType, synthWith } from '../support/synth';
import { armId } from './fixtures';

describe('a workspace of your own', () => {
  test('an outbound rule on it is written, with the workspace lock and nothing waiting for it', () => {
    const json = synthWith((stack) => {
      // FakeWorkspace implements IManagedVnetWorkspace and is not a ManagedVnetWorkspaceBase.
      const workspace = new FakeWorkspace(stack, 'Workspace');
      expect(workspace).not.toBeInstanceOf(ManagedVnetWorkspaceBase);
      new OutboundFqdnRule(stack, 'Pypi', { workspace, ruleName: 'pypi', destination: 'pypi.org' });
      new OutboundFqdnRule(stack, 'Conda', { workspace, ruleName: 'conda', destination: '*.anaconda.org' });
    });
    const rules = mlResourcesOfType(json, 'workspaces/outboundRules').map(([, r]) => r);
    expect(rules.map((r) => r.name).sort()).toEqual(['conda', 'pypi']);
    for (const rule of rules) {
      expect(rule.locks).toEqual([expect.stringMatching(/^\$\{azapi_resource\.Workspace_[0-9A-F]+\.id\}$/)]);
    }
  });
});

describe('fromWorkspaceAttributes', () => {
  test('returns a workspace of a class the package does not export, which registers its rules', () => {
    synthWith((stack) => {
      const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', {
        workspaceName: 'mlw-imported',
        resourceGroupName: 'rg-ml',
        location: 'westeurope',
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
        workspaceId: armId('rg-ml', 'Microsoft.MachineLearningServices/workspaces', 'mlw-imported'),
      });
      expect(workspace.constructor.name).toBe('ImportedManagedVnetWorkspace');
      const rule = workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
      expect(workspace.outboundRules).toEqual([rule]);
    });
    expect(Object.keys(api)).not.toContain('ImportedManagedVnetWorkspace');
    expect(Object.keys(api)).not.toContain('importWorkspace');
  });
});
