/**
 * npm run track -- [--platform p] [--document d] [--dry-run] [--no-commit] [--force] [--shard i/n]
 *                  [--report file.json] [--state file.json] [--commit-reports a.json b.json …]
 * Fetches every declared document and records the ones whose text changed. Exit code 1 when any
 * document failed (the others are still recorded).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FineprintError } from '../src/lib/errors';
import { createBrowserFetcher } from '../src/lib/tracker/browser';
import { formatResultLine, formatSummary, mergeReports } from '../src/lib/tracker/report';
import { parseShard } from '../src/lib/shard';
import { commitReportedResults, trackDocuments, type RunReport } from '../src/lib/tracker/run';

async function writeReport(file: string | undefined, report: RunReport): Promise<void> {
  if (!file) return;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      platform: { type: 'string' },
      document: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'no-commit': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      shard: { type: 'string' },
      report: { type: 'string' },
      state: { type: 'string', default: 'node_modules/.cache/fineprint/tracker-state.json' },
      'commit-reports': { type: 'boolean', default: false },
      repo: { type: 'string', default: '.' },
    },
    allowPositionals: true,
  });
  const repoDir = path.resolve(values.repo);

  if (values['commit-reports']) {
    if (positionals.length === 0) throw new FineprintError('--commit-reports needs the shard report files: --commit-reports a.json b.json');
    const reports = await Promise.all(positionals.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as RunReport));
    const report = await commitReportedResults(repoDir, mergeReports(reports));
    for (const result of report.results) console.log(formatResultLine(result));
    console.log(`\n${formatSummary(report)}`);
    await writeReport(values.report, report);
    return report.results.some((r) => r.status === 'failed') ? 1 : 0;
  }

  const browser = createBrowserFetcher();
  const interactive = Boolean(process.stdout.isTTY) && !process.env.CI;
  let done = 0;
  try {
    const report = await trackDocuments({
      repoDir,
      platform: values.platform,
      document: values.document,
      shard: values.shard ? parseShard(values.shard) : undefined,
      dryRun: values['dry-run'],
      commit: !values['no-commit'],
      force: values.force,
      statePath: path.resolve(repoDir, values.state),
      browser,
      onResult(result) {
        done++;
        const line = formatResultLine(result);
        // On a terminal the line is rewritten in place unless it reports a failure; CI logs get plain lines.
        if (interactive && result.status !== 'failed') process.stdout.write(`\r\x1b[K[${done}] ${line}`);
        else console.log(`${interactive ? '\r\x1b[K' : ''}[${done}] ${line}`);
      },
    });
    if (interactive) process.stdout.write('\r\x1b[K');
    console.log(`\n${formatSummary(report)}`);
    await writeReport(values.report, report);
    return report.results.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof FineprintError ? error.message : error);
    process.exitCode = 2;
  },
);
