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
 * conda channels (conda-forge is served from conda.anaconda.org) and PyPI with its file host. The workspace's
 * `AssetRegistry` adds them once per workspace.
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
