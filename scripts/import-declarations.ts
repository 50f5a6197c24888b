/**
 * npm run import:declarations -- <OTA declarations dir> [--content content]
 * Converts Open Terms Archive declarations into content/platforms/<platform>/platform.yml, keeping the
 * name and homepage of an existing platform.yml, then validates every result with our schema.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { FineprintError } from '../src/lib/errors';
import { parseDeclaration } from '../src/lib/schemas/declaration';
import { nameToSlug } from '../src/lib/slug';
import { otaDeclarationSchema, otaHistorySchema, otaToDeclaration } from '../src/lib/tracker/ota-declaration';

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new FineprintError(`Cannot read ${file}: ${(error as Error).message}. Check that it is an OTA declaration.`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { content: { type: 'string', default: 'content' } },
  });
  const sourceDir = positionals[0];
  if (!sourceDir) throw new FineprintError('Usage: npm run import:declarations -- <OTA declarations dir> [--content dir]');
  const files = (await readdir(sourceDir)).filter((f) => f.endsWith('.json') && !f.endsWith('.history.json')).sort();
  for (const file of files) {
    const parsed = otaDeclarationSchema.safeParse(await readJson(path.join(sourceDir, file)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FineprintError(`Invalid OTA declaration ${file}: field "${issue.path.join('.')}" ${issue.message}.`);
    }
    const historyFile = path.join(sourceDir, file.replace(/\.json$/, '.history.json'));
    const history = await readFile(historyFile, 'utf8').then(
      (text) => otaHistorySchema.parse(JSON.parse(text)),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    const platformId = nameToSlug(parsed.data.name);
    const target = path.join(values.content, 'platforms', platformId, 'platform.yml');
    const existing = await readFile(target, 'utf8').then(
      (text) => YAML.parse(text) as { name?: string; homepage?: string },
      () => undefined,
    );
    const data = otaToDeclaration(parsed.data, history, existing);
    parseDeclaration(data, target, platformId);
    await mkdir(path.dirname(target), { recursive: true });
    const header = `# Imported from the Open Terms Archive declaration "${file}" (ODC-BY 1.0); name and homepage are hand-edited.\n`;
    await writeFile(`${target}.tmp`, header + YAML.stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }));
    await rename(`${target}.tmp`, target);
    console.log(`${target}: ${Object.keys(data.documents as object).length} documents`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof FineprintError ? error.message : error);
  process.exitCode = 1;
});
