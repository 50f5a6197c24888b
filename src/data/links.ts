import { DEFAULT_SITE } from '../consts';
import { base, site } from 'astro:config/server';
import { absoluteUrl, withBase } from '../lib/paths';

/** A site path (from src/lib/paths.ts) as a link under the deployment's base. */
export function href(path: string): string {
  return withBase(base, path);
}

/** A site path as an absolute URL on the configured site, for feeds, citations and canonical links. */
export function absolute(path: string): string {
  return absoluteUrl(site ?? DEFAULT_SITE, base, path);
}
