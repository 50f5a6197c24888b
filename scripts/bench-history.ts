/**
 * npm run bench:history -- <repository or .bundle> [--rounds 3]
 * Times the history reader against the git floor (see src/lib/bench/history.ts) and prints one table row:
 * the best round of each, with the range of all rounds beside it.
 */
import { parseArgs } from 'node:util';
import { measureHistoryRead } from '../src/lib/bench/history';
import { openRepository } from '../src/lib/bench/repository';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '3' } } });
const source = positionals[0];
const rounds = Number(values.rounds);
if (!source || !Number.isInteger(rounds) || rounds < 1) {
  console.error('Usage: npm run bench:history -- <repository or .bundle> [--rounds <whole number ≥ 1>]');
  process.exit(2);
}
const repository = await openRepository(source, { readOnly: true });
try {
  const figures = await measureHistoryRead(repository.path, rounds);
  const ms = (times: number[]) => `${Math.min(...times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)})`;
  const ratio = (ms: number) => (ms / figures.floorMs).toFixed(2);
  console.log(`best of ${rounds} rounds (range of all rounds)`);
  console.log('| repository | documents | versions | text read | reader, all at once | reader, per document | git floor | ratio all at once | ratio per document |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${source} | ${figures.documents} | ${figures.versions} | ${(figures.bytes / 2 ** 20).toFixed(1)} MiB | ${ms(figures.rounds.reader)} | ${ms(figures.rounds.readerPerDocument)} | ${ms(figures.rounds.floor)} | ${ratio(figures.readerMs)} | ${ratio(figures.readerPerDocumentMs)} |`,
  );
} finally {
  await repository.dispose();
}
