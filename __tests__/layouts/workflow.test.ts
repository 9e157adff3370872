/** examples/ci/github-actions.yml: the properties docs/ci-deployment.md promises. */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly if?: string;
  readonly steps: Step[];
  readonly environment?: string;
}
interface Workflow {
  readonly on: { pull_request?: unknown; push?: { branches: string[] } };
  readonly permissions: Record<string, string>;
  readonly concurrency: { group: string; 'cancel-in-progress': boolean };
  readonly env: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const file = path.join(__dirname, '../../examples/ci/github-actions.yml');
const text = fs.readFileSync(file, 'utf8');
const workflow = parse(text) as Workflow;
const jobs = Object.values(workflow.jobs);
const runs = (job: Job): string => job.steps.map((s) => s.run ?? '').join('\n');

describe('GitHub Actions example workflow', () => {
  test('runs on pull requests and on pushes to main', () => {
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.on.push?.branches).toEqual(['main']);
  });

  test('OpenID Connect login: id-token write, ARM_USE_OIDC, no client secret anywhere', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(workflow.env.ARM_USE_OIDC).toBe('true');
    expect(workflow.env.ARM_CLIENT_ID).toBeDefined();
    expect(text).not.toMatch(/client[-_]secret|ARM_CLIENT_SECRET|AZURE_CREDENTIALS|secrets\./i);
  });

  test('remote state from AML_STATE_* variables', () => {
    for (const name of ['AML_STATE_RESOURCE_GROUP', 'AML_STATE_STORAGE_ACCOUNT', 'AML_STATE_CONTAINER']) {
      expect(workflow.env[name]).toBe(`\${{ vars.${name} }}`);
    }
  });

  test('every job installs with npm ci and an npm cache', () => {
    for (const job of jobs) {
      const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(node?.with?.cache).toBe('npm');
      expect(runs(job)).toMatch(/^npm ci$/m);
    }
  });

  test('every job sets up a supported Node.js line (an LTS the package.json engines accept)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const lowest = Number(/>=\s*(\d+)/.exec(pkg.engines.node)?.[1]);
    for (const job of jobs) {
      const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      const major = Number(String(node?.with?.['node-version']).split('.')[0]);
      expect({ major, lts: major % 2 === 0 && major >= lowest }).toEqual({ major, lts: true });
    }
  });

  test('pull requests get a plan reviewers can read (job summary and artifact), and deploy nothing', () => {
    const plan = jobs.filter((j) => j.if?.includes("github.event_name == 'pull_request'"));
    expect(plan).toHaveLength(1);
    expect(runs(plan[0])).toContain('terraform plan');
    expect(runs(plan[0])).toContain('terraform show -no-color');
    expect(runs(plan[0])).toContain('GITHUB_STEP_SUMMARY');
    expect(plan[0].steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
    expect(runs(plan[0])).not.toMatch(/deploy|apply/);
  });

  test('deploys only on the main branch', () => {
    const deploy = jobs.filter((j) => runs(j).includes('cdktf deploy'));
    expect(deploy).toHaveLength(1);
    expect(deploy[0].if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy[0].if).toContain("github.event_name == 'push'");
  });

  test('never two runs of the stacks at once, and a running deploy is never cancelled', () => {
    expect(workflow.concurrency.group).toMatch(/\S/);
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  test('says how to run offline: a provider mirror and --skip-provider-lock', () => {
    expect(text).toContain('--skip-provider-lock');
    expect(text).toContain('TF_CLI_CONFIG_FILE');
  });
});
