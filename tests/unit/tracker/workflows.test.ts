import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

// actionlint is not on npm offline: parse the workflows and check the settings the tracker relies on.
const WORKFLOWS = path.join(import.meta.dirname, '../../../.github/workflows');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  name?: string;
  id?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

function loadWorkflow(name: string): Workflow {
  const document = YAML.parseDocument(readFileSync(path.join(WORKFLOWS, name), 'utf8'));
  expect(document.errors.map((error) => error.message)).toEqual([]);
  const workflow = document.toJS() as Workflow;
  for (const [id, job] of Object.entries(workflow.jobs)) {
    expect(typeof job['runs-on'], `jobs.${id}.runs-on`).toBe('string');
    for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run), `a step of ${id} has exactly one of uses/run`).toBe(true);
  }
  return workflow;
}

const runs = (steps: Step[]) => steps.map((step) => step.run ?? '').join('\n');

describe('track.yml', () => {
  const workflow = loadWorkflow('track.yml');
  const steps = workflow.jobs.track!.steps;

  it('runs daily on a cron schedule and on manual dispatch', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '17 5 * * *' }]);
    expect(Object.keys(workflow.on)).toContain('workflow_dispatch');
  });

  it('never runs twice at once and never cancels a running track', () => {
    expect(workflow.concurrency).toEqual({ group: 'track-${{ github.ref }}', 'cancel-in-progress': false });
  });

  it('checks out the full history, installs with npm ci and installs chromium', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(runs(steps)).toMatch(/^npm ci\b/m);
    expect(runs(steps)).toContain('apt-get install -y -qq chromium');
    expect(runs(steps)).toContain('npm run track -- --report tracker-report.json');
  });

  it('pushes with a rebase and retry when main moved, then uploads the report', () => {
    const push = steps.find((s) => s.id === 'push')!.run!;
    expect(push).toContain('git push origin HEAD:${GITHUB_REF_NAME}');
    expect(push).toContain('git pull --rebase origin ${GITHUB_REF_NAME}');
    expect(push).toMatch(/for attempt in 1 2 3 4 5/);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path).toBe('tracker-report.json');
    expect(workflow.permissions).toEqual({ contents: 'write', issues: 'write', actions: 'write' });
  });

  it('opens, updates and closes one issue per failing document', () => {
    const script = String(steps.find((s) => s.uses?.startsWith('actions/github-script@'))?.with?.script);
    expect(script).toContain('github.rest.issues.create(');
    expect(script).toContain('github.rest.issues.createComment(');
    expect(script).toContain("state: 'closed'");
  });
});

describe('ci.yml', () => {
  const workflow = loadWorkflow('ci.yml');
  const steps = workflow.jobs.test!.steps;

  it('runs the tests on every push and pull request after npm ci and chromium', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(runs(steps).split('\n').filter(Boolean)).toEqual([
      'sudo apt-get update -qq && sudo apt-get install -y -qq chromium',
      'npm ci --no-audit --no-fund',
      'npm test',
      '.ci/run permalinks',
    ]);
  });
});
