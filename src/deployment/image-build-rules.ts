import { ITerraformDependable, TerraformElement } from 'cdktf';
import { IManagedVnetWorkspace, IsolationMode } from '../workspace';

/** An FQDN rule an image build needs, with its construct id on the workspace. */
export interface PackageIndexRule {
  /** Construct id of the rule on the workspace (part of its Terraform address). */
  readonly id: string;
  /** The outbound rule name in Azure. */
  readonly ruleName: string;
  /** The FQDN the rule allows (wildcards allowed). */
  readonly destination: string;
}

/**
 * The hosts Azure ML's docs list for building images from a conda file under AllowOnlyApprovedOutbound: the
 * conda channels (conda-forge is served from conda.anaconda.org) and PyPI with its file host.
 */
export const PACKAGE_INDEX_RULES: readonly PackageIndexRule[] = [
  { id: 'ImageBuildAnacondaCom', ruleName: 'image-build-anaconda-com', destination: 'anaconda.com' },
  { id: 'ImageBuildAnacondaComSub', ruleName: 'image-build-anaconda-com-sub', destination: '*.anaconda.com' },
  { id: 'ImageBuildAnacondaOrgSub', ruleName: 'image-build-anaconda-org-sub', destination: '*.anaconda.org' },
  { id: 'ImageBuildPypiOrg', ruleName: 'image-build-pypi-org', destination: 'pypi.org' },
  {
    id: 'ImageBuildPythonhosted',
    ruleName: 'image-build-pythonhosted-sub',
    destination: '*.pythonhosted.org',
  },
];

/**
 * Adds the package-index rules to a workspace that allows only approved outbound traffic, once per workspace
 * however many deployments ask, and returns them for the deployment to wait on. Other isolation modes need no
 * rule (and refuse FQDN rules).
 */
export function ensurePackageIndexRules(workspace: IManagedVnetWorkspace): ITerraformDependable[] {
  if (workspace.isolationMode !== IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) return [];
  const added = addedRules.get(workspace) ?? new Map<string, ITerraformDependable>();
  addedRules.set(workspace, added);
  return PACKAGE_INDEX_RULES.map((rule) => {
    // Added by an earlier deployment, or by the user under the same id.
    const existing = added.get(rule.id) ?? workspace.node.tryFindChild(rule.id);
    if (existing !== undefined && isDependable(existing)) return existing;
    const created = workspace.addOutboundFqdnRule(rule.id, {
      ruleName: rule.ruleName,
      destination: rule.destination,
    });
    added.set(rule.id, created);
    return created;
  });
}

// Rules this library added, per workspace: the workspace may keep its rules somewhere other than its own children.
const addedRules = new WeakMap<IManagedVnetWorkspace, Map<string, ITerraformDependable>>();

function isDependable(construct: unknown): construct is ITerraformDependable {
  return (
    construct instanceof TerraformElement ||
    (typeof construct === 'object' && construct !== null && 'fqn' in construct)
  );
}
