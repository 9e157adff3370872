/** How the props every outbound rule takes are read (checks/read.ts). Not part of the API. */
import { construct, name, provider } from '../checks/read';

/** How the props every rule takes are read. */
export const OUTBOUND_RULE_BASE_PROPS = {
  workspace: construct('a workspace (ManagedVnetWorkspace or an imported one)'),
  // Checked against Azure's rule by the base constructor (SE102); a token is passed through.
  ruleName: name({ tokens: 'expression' }),
  provider: provider(),
} as const;
