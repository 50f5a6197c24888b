/**
 * npm run bench:history -- <repository or .bundle>
 * Times the history reader against the git floor (see src/lib/bench/history.ts) and prints one table row.
 */
import { measureHistoryRead } from '../src/lib/bench/history';
import { openRepository } from '../src/lib/bench/repository';

const source = process.argv[2];
if (!source) {
  console.error('Usage: npm run bench:history -- <repository or .bundle>');
  process.exit(2);
}
const repository = await openRepository(source, { readOnly: true });
try {
  const figures = await measureHistoryRead(repository.path);
  console.log('| repository | documents | versions | text read | history reader | git floor | ratio |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${source} | ${figures.documents} | ${figures.versions} | ${(figures.bytes / 2 ** 20).toFixed(1)} MiB | ${figures.readerMs.toFixed(0)} ms | ${figures.floorMs.toFixed(0)} ms | ${(figures.readerMs / figures.floorMs).toFixed(2)} |`,
  );
} finally {
  await repository.dispose();
}
