import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignProvisionIds, createProvisionTracker } from '../../../src/lib/provisions/lineage';

/** The lineage of versions added to one tracker in order. */
function trackProvisionHistory(versions: { version: string; text: string }[]) {
  const tracker = createProvisionTracker();
  for (const { version, text } of versions) tracker.add(version, text);
  return tracker.result();
}
import { splitProvisions } from '../../../src/lib/provisions/split';

const FIXTURES = join(import.meta.dirname, '../../fixtures/provisions');
const fixture = (document: string, version: string) => ({
  version,
  text: readFileSync(join(FIXTURES, document, `${version}.md`), 'utf8'),
});
const GROK = ['20260518103321', '20260708103322', '20260814223223'].map((v) => fixture('grok-acceptable-use-policy', v));
const CHATGPT = ['20251111151943', '20251217233000'].map((v) => fixture('chatgpt-terms-of-service', v));

const idsOf = (provisions: { id: string }[]) => provisions.map((provision) => provision.id);

describe('assignProvisionIds', () => {
  it('keeps the id of a real clause whose heading was renamed while its body stayed mostly the same', () => {
    const first = assignProvisionIds(null, splitProvisions(CHATGPT[0]!.text));
    const second = assignProvisionIds(first, splitProvisions(CHATGPT[1]!.text));
    expect(first.find((p) => p.heading === '7. Connectors and Actions')!.id).toBe('connectors-and-actions');
    expect(second.find((p) => p.heading === '7. Apps and Actions')!.id).toBe('connectors-and-actions');
    expect(idsOf(second)).toEqual(idsOf(first));
  });

  it('gives the new clauses of a real rewrite new ids from their headings', () => {
    const before = assignProvisionIds(null, splitProvisions(GROK[0]!.text));
    const after = assignProvisionIds(before, splitProvisions(GROK[1]!.text));
    expect(idsOf(before)).toEqual(['preamble', 'comply-with-the-law', 'do-not-harm-people-or-property', 'respect-guardrails-and-dont-mislead']);
    expect(idsOf(after)).toEqual(['xai-acceptable-use-policy', 'report-a-violation']);
  });

  it('keeps the id when only the numbering of a heading changed', () => {
    const before = assignProvisionIds(null, splitProvisions('# 9. Privacy\n\nWe care.\n\n# 10. Law\n\nIrish.\n'));
    const after = assignProvisionIds(before, splitProvisions('# 10. Privacy\n\nWe care.\n\n# 11. Law\n\nFrench.\n'));
    expect(idsOf(after)).toEqual(['privacy', 'law']);
  });

  it('pairs repeated headings in order', () => {
    const text = '# Fees\n\nA.\n\n# Fees\n\nB.\n';
    const before = assignProvisionIds(null, splitProvisions(text));
    expect(idsOf(assignProvisionIds(before, splitProvisions(text)))).toEqual(['fees', 'fees-2']);
  });

  it('does not take an id for a renamed heading whose body changed too much', () => {
    const before = assignProvisionIds(null, splitProvisions('# Fees\n\nYou pay us every month in advance.\n'));
    const after = assignProvisionIds(before, splitProvisions('# Charges\n\nThe service is free of charge for everyone.\n'));
    expect(idsOf(after)).toEqual(['charges']);
  });

  it('never gives a new clause an id used earlier in the history', () => {
    const before = assignProvisionIds(null, splitProvisions('# Charges\n\nX.\n'));
    const after = assignProvisionIds(before, splitProvisions('# Fees\n\nY.\n'), {
      usedIds: new Set(['fees', 'charges']),
      removed: new Map(),
    });
    expect(idsOf(after)).toEqual(['fees-2']);
  });

  it('always calls the preamble "preamble" and never pairs it with a heading', () => {
    const body = 'These terms govern your use of the services we offer to you.';
    const before = assignProvisionIds(null, splitProvisions(`${body}\n\n# Fees\n\nPay.\n`));
    const after = assignProvisionIds(before, splitProvisions(`# Introduction\n\n${body}\n\n# Fees\n\nPay.\n`));
    expect(idsOf(after)).toEqual(['introduction', 'fees']);
  });
});

describe('the provision tracker', () => {
  it('ends the history of a deleted clause and starts one for each new clause, on real versions', () => {
    const { provisions, versions } = trackProvisionHistory(GROK);
    const comply = provisions.find((p) => p.id === 'comply-with-the-law')!;
    expect(comply.text).toBeNull();
    expect(comply.events.map(({ version, event, heading }) => ({ version, event, heading }))).toEqual([
      { version: '20260518103321', event: 'added', heading: '1. Comply with the law.' },
      { version: '20260708103322', event: 'removed', heading: '1. Comply with the law.' },
    ]);
    expect(comply.events[1]!.text).toBe('');
    expect(versions).toEqual([
      { version: '20260518103321', ids: ['preamble', 'comply-with-the-law', 'do-not-harm-people-or-property', 'respect-guardrails-and-dont-mislead'] },
      { version: '20260708103322', ids: ['xai-acceptable-use-policy', 'report-a-violation'] },
      { version: '20260814223223', ids: ['xai-acceptable-use-policy', 'report-a-violation'] },
    ]);
  });

  it('records a rename on a real version and keeps the current text', () => {
    const { provisions } = trackProvisionHistory(GROK);
    const policy = provisions.find((p) => p.id === 'xai-acceptable-use-policy')!;
    expect(policy.heading).toBe('SpaceXAI Acceptable Use Policy');
    expect(policy.events.map(({ version, event }) => [version, event])).toEqual([
      ['20260708103322', 'added'],
      ['20260814223223', 'renamed'],
    ]);
    expect(policy.text).toBe(splitProvisions(GROK[2]!.text)[0]!.text);
  });

  it('records only the versions in which a provision changed', () => {
    const { provisions } = trackProvisionHistory([
      { version: 'v1', text: '# Fees\n\nA.\n\n# Law\n\nIrish.\n' },
      { version: 'v2', text: '# Fees\n\nB.\n\n# Law\n\nIrish.\n' },
      { version: 'v3', text: '# Fees\n\nB.\n\n# 2. Law\n\nIrish.\n' },
    ]);
    expect(provisions.map((p) => [p.id, p.events.map((e) => `${e.version} ${e.event}`)])).toEqual([
      ['fees', ['v1 added', 'v2 modified']],
      ['law', ['v1 added']],
    ]);
    expect(provisions[1]!.heading).toBe('2. Law');
  });

  it('gives a clause back its id when it returns under the same heading after a failed page', () => {
    const { provisions, versions } = trackProvisionHistory([
      { version: 'v1', text: '# Fees\n\nA.\n' },
      { version: 'v2', text: 'Redirecting to legal.example.com\n' },
      { version: 'v3', text: '# Fees\n\nA.\n' },
    ]);
    expect(versions.map((v) => v.ids)).toEqual([['fees'], ['preamble'], ['fees']]);
    expect(provisions.find((p) => p.id === 'fees')!.events.map((e) => e.event)).toEqual(['added', 'removed', 'added']);
  });

  it('does not revive an id for another clause that later takes a removed heading', () => {
    const { versions } = trackProvisionHistory([
      { version: 'v1', text: '# Fees\n\nYou pay us every month in advance for the plan.\n' },
      { version: 'v2', text: '# Charges\n\nYou pay us every month in advance for the plan.\n' },
      { version: 'v3', text: '# Other\n\nNothing.\n' },
      { version: 'v4', text: '# Fees\n\nNone at all.\n' },
    ]);
    expect(versions.map((v) => v.ids)).toEqual([['fees'], ['fees'], ['other'], ['fees-2']]);
  });
});
