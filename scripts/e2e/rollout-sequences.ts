/**
 * The day-2 paths of docs/deployment.md ("Changing a live endpoint") as sequences: each step is the whole stack
 * as a user's code would be after one change, with the same construct ids, so that `npm run test:rollout` applies
 * the steps one after another on one Terraform state. Unit tests synthesize the same steps.
 */
import { TerraformStack } from 'cdktf';
import {
  BlueDeployment,
  CodeConfiguration,
  Environment,
  Model,
  OnlineDeploymentOptions,
} from '../../src/deployment';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { ManagedVnetWorkspaceProps, StorageNetworkAccess } from '../../src/workspace';
import { IMAGE } from '../../__tests__/endpoint/helpers';
import { howToStack } from '../../__tests__/endpoint/how-to-stack';
// ---- live-state sequences (settings then park, identity, api-version, rules, autoscale, endpoints): begin ----
import { buildLiveStep, LIVE_SEQUENCES, LiveStep } from './rollout-live-sequences';
// ---- live-state sequences: end ----

/** The example's files (`v1`) or their second version in `__tests__/fixtures/model-1-v2`. */
type Version = 'v1' | 'v2';

const FOLDERS: Record<Version, string> = {
  v1: 'examples/model-1',
  v2: '__tests__/fixtures/model-1-v2',
};

/** One deployment as a step declares it. */
export interface DeploymentStep {
  readonly model?: Version;
  readonly code?: Version;
  readonly conda?: Version;
  readonly instanceType?: string;
  readonly instanceCount?: number;
}

/** The whole stack at one step. */
export interface Step {
  /** `blue` (a `BlueDeployment`, construct id `Blue`) and `green` (`endpoint.addDeployment('Green', ...)`). */
  readonly blue?: DeploymentStep;
  readonly green?: DeploymentStep;
  /** `routeTraffic(split)`; without it blue takes all traffic (the how-to's `--all-traffic`). */
  readonly split?: { readonly [deployment: string]: number };
  /** `mirrorTrafficByName(deployment, percent)`. */
  readonly mirror?: { readonly deployment: string; readonly percent: number };
  /** The endpoint's `publicNetworkAccess`. */
  readonly publicAccess?: boolean;
  /** An outbound FQDN rule on the workspace (construct id `ExtraRule`). */
  readonly extraRule?: boolean;
  // ---- live-state sequences: begin ----
  /** The whole step as `rollout-live-sequences.ts` builds it; the fields above are then unused. */
  readonly live?: LiveStep;
  // ---- live-state sequences: end ----
  /** The workspace's `storageNetworkAccess`: runner IP ranges, or a blob private endpoint. @default public */
  readonly storageAccess?: 'ip-ranges' | 'private-endpoint';
  /**
   * Instead of the above: the stack the last release synthesized for this layout of the how-to app, as it is in
   * `__tests__/fixtures/last-release/<layout>` (a live stack of that release's users).
   */
  readonly lastRelease?: 'single';
  /** Instead of the above: the current how-to app's stack (`main.ts`, single layout, the how-to's defaults). */
  readonly howToApp?: boolean;
}

/** The folder of the last release's stack of a layout (`cdk.tf.json` and `assets/`), from the repository root. */
export function lastReleaseStack(layout: 'single'): string {
  return `__tests__/fixtures/last-release/${layout}/secure-endpoint`;
}

// ---- live-state sequences: begin ----
/** What one step's plan and apply must show: the plan's counts and the emulated ARM's writes. */
export interface StepExpectation {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  /**
   * The step's `fake ARM writes` line after the colon (`none` when nothing is written), or a pattern it must
   * match. @default not compared (the first step of a sequence, which creates the whole stack)
   */
  readonly writes?: string | RegExp;
}
// ---- live-state sequences: end ----

/** A day-2 path: its steps and, for a change the library refuses, the step and words of the refusal. */
export interface Sequence {
  readonly name: string;
  readonly title: string;
  readonly steps: readonly Step[];
  /** The step (1-based) whose plan must stop, and a pattern its error must match. @default every step applies */
  readonly refusedAt?: { readonly step: number; readonly message: RegExp };
  /** Steps (1-based) that repeat the step before them and must plan no change at all. @default none */
  readonly unchangedAt?: readonly number[];
  /** Every step must plan no replacement and no delete (an upgrade keeps every live resource). @default false */
  readonly noReplaceOrDelete?: boolean;
  // ---- live-state sequences: begin ----
  /** Per step, in order, what its plan and apply must show. @default not compared */
  readonly expected?: readonly (StepExpectation | undefined)[];
  // ---- live-state sequences: end ----
}

const BLUE: DeploymentStep = {};
const GREEN: DeploymentStep = {};

export const SEQUENCES: readonly Sequence[] = [
  {
    name: 'upgrade-from-last-release',
    title:
      "the last release's how-to stack, then this release's on the same state: every new default in place, " +
      'nothing replaced or deleted, the endpoint serving throughout',
    steps: [{ lastRelease: 'single' }, { howToApp: true }, { howToApp: true }],
    unchangedAt: [3],
    noReplaceOrDelete: true,
  },
  {
    name: 'safe-rollout',
    title: "Azure ML's safe rollout: blue 100 | blue 100 + green 0 | 90/10 | 0/100 | blue removed",
    steps: [
      { blue: BLUE },
      { blue: BLUE, green: GREEN, split: { blue: 100, green: 0 } },
      { blue: BLUE, green: GREEN, split: { blue: 90, green: 10 } },
      { blue: BLUE, green: GREEN, split: { blue: 0, green: 100 } },
      { green: GREEN, split: { green: 100 } },
    ],
  },
  {
    name: 'mirror-then-live',
    title: 'mirror 20 % to green, then send it 10 % live, then all traffic and remove blue',
    steps: [
      { blue: BLUE },
      {
        blue: BLUE,
        green: GREEN,
        split: { blue: 100, green: 0 },
        mirror: { deployment: 'green', percent: 20 },
      },
      { blue: BLUE, green: GREEN, split: { blue: 90, green: 10 } },
      { green: GREEN, split: { green: 100 } },
    ],
  },
  {
    name: 'one-apply-cutover',
    title: 'blue 90 / green 10, then green alone at 100 in one apply (blue removed while it takes 90 %)',
    steps: [
      { blue: BLUE },
      { blue: BLUE, green: GREEN, split: { blue: 90, green: 10 } },
      { green: GREEN, split: { green: 100 } },
    ],
  },
  {
    name: 'split-then-endpoint-change',
    title: 'a split, the same code again (nothing to do), then a change of the endpoint under a split',
    steps: [
      { blue: BLUE },
      { blue: BLUE, green: GREEN, split: { blue: 90, green: 10 } },
      { blue: BLUE, green: GREEN, split: { blue: 90, green: 10 } },
      { blue: BLUE, green: GREEN, split: { blue: 90, green: 10 }, publicAccess: true },
    ],
    unchangedAt: [3],
  },
  {
    name: 'code-change',
    title: 'new scoring script content: rolled in place',
    steps: [{ blue: BLUE }, { blue: { code: 'v2' } }],
  },
  {
    name: 'model-change',
    title: 'new model version: rolled in place, the old version deleted after',
    steps: [{ blue: BLUE }, { blue: { model: 'v2' } }],
  },
  {
    name: 'environment-change',
    title: 'new conda file (a new environment version): rolled in place',
    steps: [{ blue: BLUE }, { blue: { conda: 'v2' } }],
  },
  {
    name: 'scale-change',
    title: 'instance count 1 -> 3 -> 2',
    steps: [{ blue: BLUE }, { blue: { instanceCount: 3 } }, { blue: { instanceCount: 2 } }],
  },
  {
    name: 'instance-type-serving',
    title: 'instance type of the serving deployment: refused at plan',
    steps: [{ blue: BLUE }, { blue: { instanceType: 'Standard_F4s_v2' } }],
    refusedAt: { step: 2, message: /instanceType changes from 'Standard_DS3_v2' to 'Standard_F4s_v2'/ },
  },
  {
    name: 'instance-type-idle',
    title: 'instance type of a deployment without traffic: deleted and created again, blue keeps serving',
    steps: [
      { blue: BLUE, green: GREEN, split: { blue: 100, green: 0 } },
      { blue: BLUE, green: { instanceType: 'Standard_F4s_v2' }, split: { blue: 100, green: 0 } },
      { blue: BLUE, green: { instanceType: 'Standard_F4s_v2' }, split: { blue: 50, green: 50 } },
    ],
  },
  {
    name: 'outbound-rule',
    title: 'an outbound FQDN rule added to and removed from the live workspace',
    steps: [{ blue: BLUE }, { blue: BLUE, extraRule: true }, { blue: BLUE }],
  },
  {
    name: 'public-access',
    title: 'endpoint public network access turned on, then off',
    steps: [{ blue: BLUE }, { blue: BLUE, publicAccess: true }, { blue: BLUE, publicAccess: false }],
  },
  {
    name: 'storage-network-access',
    title:
      "the live workspace's storage closed to runner IP ranges, then to a blob private endpoint, in place",
    steps: [
      { blue: BLUE },
      { blue: BLUE, storageAccess: 'ip-ranges' },
      { blue: BLUE, storageAccess: 'private-endpoint' },
    ],
  },
  // ---- live-state sequences: begin ----
  ...LIVE_SEQUENCES,
  // ---- live-state sequences: end ----
];

/** The workspace props of a step's `storageAccess`. */
function storageAccess(stack: TerraformStack, step: Step): Partial<ManagedVnetWorkspaceProps> {
  if (step.storageAccess === 'ip-ranges') {
    return { storageNetworkAccess: StorageNetworkAccess.allowedIpRanges(['20.1.2.3']) };
  }
  if (step.storageAccess === 'private-endpoint') {
    const subnet = new Subnet(stack, 'RunnerSubnet', {
      name: 'snet-runner',
      resourceGroupName: 'rg-ml',
      virtualNetworkName: 'vnet-ml',
      addressPrefixes: ['10.0.2.0/24'],
    });
    return { storageNetworkAccess: StorageNetworkAccess.privateEndpoint({ subnet }) };
  }
  return {};
}

function deployment(step: DeploymentStep): OnlineDeploymentOptions {
  return {
    model: Model.fromLocalPath(`${FOLDERS[step.model ?? 'v1']}/model`),
    code: CodeConfiguration.fromLocalPath(`${FOLDERS[step.code ?? 'v1']}/onlinescoring`, 'score.py'),
    environment: Environment.fromImage(IMAGE, {
      condaFile: `${FOLDERS[step.conda ?? 'v1']}/environment/conda.yaml`,
    }),
    instanceType: step.instanceType ?? 'Standard_DS3_v2',
    instanceCount: step.instanceCount ?? 1,
  };
}

/** Builds one step into `stack` (which has its providers and backend): the how-to workspace and endpoint. */
export function buildStep(stack: TerraformStack, step: Step): void {
  // ---- live-state sequences: begin ----
  if (step.live) return buildLiveStep(stack, step.live);
  // ---- live-state sequences: end ----
  const { workspace, endpoint } = howToStack(
    storageAccess(stack, step),
    step.publicAccess === undefined ? {} : { publicNetworkAccess: step.publicAccess },
    undefined,
    stack,
  );
  if (step.extraRule) {
    workspace.addOutboundFqdnRule('ExtraRule', {
      ruleName: 'extra-pypi-mirror',
      destination: 'pypi.example.org',
    });
  }
  if (step.blue) {
    new BlueDeployment(stack, 'Blue', {
      endpoint,
      ...deployment(step.blue),
      allTraffic: step.split === undefined,
    });
  }
  if (step.green) endpoint.addDeployment('Green', deployment(step.green));
  if (step.split) endpoint.routeTraffic(step.split);
  if (step.mirror) endpoint.mirrorTrafficByName(step.mirror.deployment, step.mirror.percent);
}
