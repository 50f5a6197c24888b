/** npm run preview: serves the built site (dist/) on http://127.0.0.1:4321 under FINEPRINT_BASE. */
import { resolve } from 'node:path';
import { startStaticServer } from '../src/lib/static-server';

const root = resolve(process.argv[2] ?? 'dist');
const server = await startStaticServer(root, { base: process.env.FINEPRINT_BASE ?? '/', port: Number(process.env.PORT ?? 4321) });
console.log(`Fineprint archive served at ${server.url} (Ctrl+C to stop)`);
