// The readers of a deployment's options, apart from the construct so that the endpoint's addDeployment reads
// them by reference without importing the deployment (endpoint and deployment know each other).
import { Duration } from '../core/duration';
import {
  bool,
  catalogName,
  defineProps,
  instanceOf,
  name,
  num,
  object,
  oneOf,
  provider,
  record,
  tags,
  text,
} from '../checks/read';
import { CodeConfiguration } from './code-configuration';
import { VM_SIZE } from './deployment-checks';
import type { OnlineDeploymentOptions, ProbeOptions, RequestSettings } from './deployment-options';
import { EgressPublicNetworkAccess } from './egress';
import { Environment } from './environment';
import { INSTANCE_TYPES, InstanceType } from './instance-type';
import { Model } from './model';

const EXPR = { tokens: 'expression' } as const;
// Numbers are checked by the deployment's own rules (SE216), which skip a Terraform expression; it is sent as is.
const NUMBER = num(EXPR);
const PROBE = object(
  'ProbeOptions',
  defineProps<ProbeOptions>('ProbeOptions', {
    initialDelay: instanceOf(Duration),
    period: instanceOf(Duration),
    timeout: instanceOf(Duration),
    initialDelaySeconds: NUMBER,
    periodSeconds: NUMBER,
    timeoutSeconds: NUMBER,
    successThreshold: NUMBER,
    failureThreshold: NUMBER,
  }),
);
/** How a deployment's options are read (also for `endpoint.addDeployment` and `BlueDeployment`). */
export const ONLINE_DEPLOYMENT_OPTIONS = defineProps<OnlineDeploymentOptions>('OnlineDeploymentOptions', {
  deploymentName: name({
    tokens: 'refuse',
    optional: true,
    why: "it names the deployment in the endpoint's traffic, which is checked at synth",
  }),
  model: instanceOf(Model, { optional: false }),
  code: instanceOf(CodeConfiguration),
  environment: instanceOf(Environment),
  // A size of the SKU list (SE400), an InstanceType, or an expression; text not of a size's form is SE223's.
  instanceType: catalogName({
    ...EXPR,
    catalog: INSTANCE_TYPES,
    classOf: InstanceType,
    code: 'SE400',
    shape: VM_SIZE,
    what: "a VM size (such as 'Standard_DS3_v2')",
  }),
  instanceCount: NUMBER,
  // A Terraform expression is decided at plan time: the traffic update sends `cond ? 100 : 0` (see traffic).
  allTraffic: bool(EXPR),
  requestSettings: object(
    'RequestSettings',
    defineProps<RequestSettings>('RequestSettings', {
      requestTimeout: instanceOf(Duration),
      maxConcurrentRequestsPerInstance: NUMBER,
      maxQueueWait: instanceOf(Duration),
      requestTimeoutMs: NUMBER,
      maxQueueWaitMs: NUMBER,
    }),
  ),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  environmentVariables: record(EXPR),
  appInsightsEnabled: bool(EXPR),
  egressPublicNetworkAccess: oneOf(EgressPublicNetworkAccess),
  addImageBuildOutboundRules: bool({
    tokens: 'refuse',
    why: "it decides at synth whether the workspace's package-index rules exist and the deployment waits for them",
  }),
  description: text(EXPR),
  tags: tags(),
  provider: provider(),
});
