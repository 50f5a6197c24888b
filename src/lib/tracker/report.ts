import type { DocumentResult, RunReport } from './run';

/** One line about one document, as printed while the run goes on. */
export function formatResultLine(result: DocumentResult): string {
  const id = `${result.platform}/${result.document}`;
  if (result.status === 'failed') return `✗ ${id}: failed (${result.category}) ${result.message}`;
  if (result.status === 'unchanged') return `= ${id}: unchanged`;
  const what = result.kind === 'first' ? 'first record' : result.kind === 'technical' ? 'technical upgrade' : 'changed';
  return `✓ ${id}: ${what}${result.commit ? ` (${result.commit.slice(0, 10)})` : ''}`;
}

/** How many documents ended in each status. */
export function countResults(results: readonly DocumentResult[]): Record<DocumentResult['status'], number> {
  const counts = { recorded: 0, technical: 0, unchanged: 0, failed: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}

/** The summary table printed at the end of a run: counts, then one row per failed document with its reason. */
export function formatSummary(report: RunReport): string {
  const counts = countResults(report.results);
  const lines = [
    `recorded  ${counts.recorded}`,
    `technical ${counts.technical}`,
    `unchanged ${counts.unchanged}`,
    `failed    ${counts.failed}`,
  ];
  const failed = report.results.filter((r) => r.status === 'failed');
  if (failed.length) {
    const width = Math.max(...failed.map((r) => `${r.platform}/${r.document}`.length));
    const categoryWidth = Math.max(...failed.map((r) => (r.category ?? '').length));
    lines.push('', 'failed documents:');
    for (const r of failed) {
      lines.push(`  ${`${r.platform}/${r.document}`.padEnd(width)}  ${(r.category ?? '').padEnd(categoryWidth)}  ${r.message ?? ''}`);
    }
  }
  if (report.dryRun) lines.push('', '(dry run: nothing was written)');
  return lines.join('\n');
}

/** Merges the reports of the shards of one run into one report. */
export function mergeReports(reports: readonly RunReport[]): RunReport {
  if (reports.length === 0) throw new Error('mergeReports needs at least one report');
  const results = reports.flatMap((r) => r.results);
  results.sort((a, b) => `${a.platform}/${a.document}`.localeCompare(`${b.platform}/${b.document}`));
  return {
    startedAt: reports.map((r) => r.startedAt).sort()[0]!,
    finishedAt: reports.map((r) => r.finishedAt).sort().at(-1)!,
    extractorVersion: reports[0]!.extractorVersion,
    dryRun: reports.some((r) => r.dryRun),
    commit: reports.every((r) => r.commit),
    results,
  };
}
