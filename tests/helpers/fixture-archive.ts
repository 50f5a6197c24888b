import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecordedText } from '../../src/lib/schemas/front-matter';
import { makeTestRepo, type TestRepo } from './test-repo';

const FIXTURES = join(import.meta.dirname, '../fixtures/archive');

/** One real recorded version of the fixture archive (see tests/fixtures/archive/ATTRIBUTION.md). */
export interface FixtureVersion {
  path: string;
  date: string;
  subject: string;
  file: string;
}

/** The fixture versions in the order they were recorded. */
export const FIXTURE_VERSIONS: FixtureVersion[] = JSON.parse(readFileSync(join(FIXTURES, 'versions.json'), 'utf8'));

/** The recorded bytes of a fixture version. */
export function fixtureText(version: FixtureVersion): string {
  return readFileSync(join(FIXTURES, 'versions', version.file), 'utf8');
}

const OTA_SUBJECTS: [RegExp, string][] = [
  [/^Record changes of /, 'Record new changes of '],
  [/^Technical upgrade of /, 'Apply technical or declaration upgrade on '],
];

/**
 * A git repository holding the fixture versions, one commit each at its capture date: in our layout, or
 * rewritten in Open Terms Archive's (`<Service>/<Type>.md`, no front matter, OTA commit subjects).
 */
export function makeFixtureArchive(layout: 'fineprint' | 'ota'): TestRepo {
  const repo = makeTestRepo(`fineprint-${layout}-archive-`);
  if (layout === 'ota') repo.commit({ 'README.md': '# Versions\n' }, 'Initial commit', '2025-11-01T00:00:00Z');
  for (const version of FIXTURE_VERSIONS) {
    const text = fixtureText(version);
    if (layout === 'fineprint') {
      repo.commit({ [version.path]: text }, version.subject, version.date);
      continue;
    }
    const { frontMatter, body } = parseRecordedText(text, version.file);
    const subject = OTA_SUBJECTS.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), version.subject);
    repo.commit({ [`${frontMatter.platform}/${frontMatter.type}.md`]: body }, subject, version.date);
  }
  return repo;
}
