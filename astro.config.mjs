// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// FINEPRINT_SITE is the origin the archive is published at (used for feeds, citations and canonical
// links); FINEPRINT_BASE is the sub-path, for a GitHub Pages project site ("/fineprint/").
export default defineConfig({
  site: process.env.FINEPRINT_SITE ?? 'http://127.0.0.1:4321',
  base: process.env.FINEPRINT_BASE ?? '/',
  trailingSlash: 'ignore',
  // Separate caches let several builds (the test suite's) run side by side.
  ...(process.env.FINEPRINT_ASTRO_CACHE_DIR ? { cacheDir: process.env.FINEPRINT_ASTRO_CACHE_DIR } : {}),
  // The sitemaps are written by scripts/build.ts once the builds of every shard of the site are merged.
  integrations: [mdx()],
  // Pages wait on git for their texts: rendering a few at once overlaps those waits.
  build: { inlineStylesheets: 'never', concurrency: 4 },
  // Shiki highlights with inline styles, which the Content-Security-Policy forbids.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
