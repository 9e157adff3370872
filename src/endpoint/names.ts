import { isKnown, problem, Problems } from '../checks';

// Azure ML's own rule for endpoint and deployment names (azure-ai-ml validate_endpoint_or_deployment_name and the
// "endpoint limits" docs). The ARM schema of the api-versions we emit has no pattern, so azapi would let a bad
// name through and the service would refuse it only at apply time.
const NAME_PATTERN = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const MIN_LENGTH = 3;
const MAX_LENGTH = 32;

/** Why a name breaks the rule, or undefined when it is fine. */
function nameProblem(name: string): string | undefined {
  if (name.length < MIN_LENGTH || name.length > MAX_LENGTH) {
    return `it has ${name.length} characters, Azure ML allows ${MIN_LENGTH} to ${MAX_LENGTH}`;
  }
  if (!NAME_PATTERN.test(name)) {
    return 'it must start with a letter, contain only letters, digits and hyphens, and end with a letter or digit';
  }
  return undefined;
}

/** Refuses an endpoint name Azure ML would reject (SE201). Unresolved tokens are not checked. */
export function checkEndpointName(name: string): Problems {
  if (!isKnown(name)) return [];
  const why = nameProblem(name);
  if (why !== undefined) {
    return [
      problem('SE201', `endpoint name '${name}' is invalid: ${why}; choose a name such as 'endpt-moe-1'`),
    ];
  }
  return [];
}

/** Refuses a deployment name Azure ML would reject (SE202). Unresolved tokens are not checked. */
export function checkDeploymentName(name: string): Problems {
  if (!isKnown(name)) return [];
  const why = nameProblem(name);
  if (why !== undefined) {
    return [problem('SE202', `deployment name '${name}' is invalid: ${why}; choose a name such as 'blue'`)];
  }
  return [];
}
