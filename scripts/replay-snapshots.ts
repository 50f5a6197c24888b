/**
 * npm exec tsx scripts/replay-snapshots.ts -- [snapshots.bundle] [versions.bundle]
 * Replays an Open Terms Archive snapshots history through our extractor, one capture after the other
 * as the tracker would see them, and prints per document: captures, versions OTA recorded, versions
 * Fineprint would record, OTA versions that are noise to us; then the CPU cost of extraction.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { BlobReader, cloneBare, readRawLog } from '../src/lib/history/git';
import { parseRawLog } from '../src/lib/history/parse-log';
import { listPages, loadDeclarations, sourceDeclarationAt } from '../src/lib/schemas/declaration';
import { nameToSlug } from '../src/lib/slug';
import { extractPage } from '../src/lib/tracker/extract';
import { assertPolicyText } from '../src/lib/tracker/guards';

const CORPUS = '../shared/corpus';
/** A version is committed a little after the snapshot it was extracted from. */
const MATCH_SLACK_MS = 5 * 60_000;

/** A snapshot file `<Service>/<Type>[ #<page id>].html` → our platform, document and page URL (from the trailer). */
function snapshotToTarget(file: string) {
  const match = /^(.+)\/(.+?)(?: #.*)?\.html$/.exec(file);
  if (!match) return undefined;
  return { service: match[1]!, type: match[2]!, platform: nameToSlug(match[1]!), document: nameToSlug(match[2]!) };
}

async function main(): Promise<void> {
  const snapshotsBundle = process.argv[2] ?? path.join(CORPUS, 'genai-eu-snapshots-dev.bundle');
  const versionsBundle = process.argv[3] ?? path.join(CORPUS, 'genai-eu-versions.bundle');
  const work = await mkdtemp(path.join(os.tmpdir(), 'fineprint-replay-'));
  try {
    for (const [bundle, name] of [[snapshotsBundle, 'snapshots'], [versionsBundle, 'versions']] as const) {
      await cloneBare(bundle, path.join(work, name));
      // The bundles' HEAD names no branch: point it at the only one.
      const git = simpleGit(path.join(work, name));
      const branch = (await git.raw(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).split('\n')[0]!;
      await git.raw(['symbolic-ref', 'HEAD', branch]);
    }
    const snapshots = parseRawLog(await readRawLog(path.join(work, 'snapshots'), ['.']));
    const versions = parseRawLog(await readRawLog(path.join(work, 'versions'), ['.']));
    const declarations = await loadDeclarations('content');
    const reader = new BlobReader(path.join(work, 'snapshots'));

    const files = [...new Set(snapshots.flatMap((c) => c.changes.map((change) => change.path)))].sort();
    const rows: string[][] = [];
    let cpuMs = 0;
    let bytes = 0;
    for (const file of files) {
      const target = snapshotToTarget(file)!;
      const document = declarations.get(target.platform)?.documents[target.document];
      if (!document) throw new Error(`No declaration for ${file} (${target.platform}/${target.document}).`);
      const captures = snapshots.filter((c) => c.changes.some((change) => change.path === file && change.status !== 'D'));
      const textBySnapshot = new Map<string, string>();
      let previous: string | undefined;
      let recorded = 0;
      let failed = 0;
      for (const capture of captures) {
        const url = /X-source-document-location: (\S+)/.exec(capture.message)?.[1];
        const source = sourceDeclarationAt(document, new Date(capture.authorDate));
        const page = listPages(source).find((p) => p.url === url) ?? listPages(source)[0]!;
        const html = await reader.readText(capture.changes.find((change) => change.path === file)!.newBlob);
        const start = process.cpuUsage();
        let text: string | undefined;
        try {
          text = extractPage(html, { ...page, url: url ?? page.url, noise: source.noise });
          assertPolicyText(text, url ?? page.url);
        } catch {
          // The tracker records nothing for a failed capture: the last good version stays.
          failed++;
          text = undefined;
        }
        const used = process.cpuUsage(start);
        cpuMs += (used.user + used.system) / 1000;
        bytes += Buffer.byteLength(html);
        if (text === undefined) continue;
        textBySnapshot.set(capture.hash, text);
        if (text !== previous) recorded++;
        previous = text;
      }
      // OTA versions of the document. Their links to snapshot commits point into the full snapshots
      // repository, not this extract, so each version is matched to the last capture made before it.
      const otaVersions = versions.filter((c) => c.changes.some((change) => change.path === `${target.service}/${target.type}.md`));
      let noise = 0;
      let lastText: string | undefined;
      for (const version of otaVersions) {
        const recordedAt = Date.parse(version.authorDate) + MATCH_SLACK_MS;
        const capture = captures.findLast((c) => Date.parse(c.authorDate) <= recordedAt && textBySnapshot.has(c.hash));
        const text = capture ? textBySnapshot.get(capture.hash) : undefined;
        if (lastText !== undefined && text === lastText) noise++;
        lastText = text;
      }
      rows.push([file, String(captures.length), String(failed), String(otaVersions.length), String(recorded), String(noise)]);
    }
    reader.close();
    const header = ['snapshot file', 'captures', 'failed captures', 'OTA versions', 'Fineprint versions', 'OTA versions we call noise'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
    console.log(`\nextraction: ${(cpuMs / (bytes / 102_400)).toFixed(1)} ms CPU per 100 KB of HTML (${(bytes / 1e6).toFixed(1)} MB in ${(cpuMs / 1000).toFixed(1)} s)`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
