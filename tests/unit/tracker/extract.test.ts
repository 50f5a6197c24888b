import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/lib/tracker/extract';

const NOISE = { strip_query_params: [], drop_selectors: [], date_formats: false, link_rewrites: [] };
const PAGE = `<html><head><title>T</title><script>var x = 1;</script></head><body>
<nav>Menu</nav>
<main data-track="abc" class="prose">
  <h1 id="top">Terms</h1>
  <p style="color:red">Read our <a href="/privacy?utm_campaign=x" onclick="track()">privacy policy</a>.</p>
  <form><input name="q"><button>Go</button></form>
  <div class="banner">Cookie banner</div>
  <h2>Scope</h2>
  <ul><li>One</li><li>Two</li></ul>
  <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
  <p id="end">End of terms</p>
  <p>After the end</p>
</main></body></html>`;
const extract = (options: { select?: unknown[]; remove?: unknown[] }) =>
  extractPage(PAGE, { url: 'https://acme.example/legal/terms', select: (options.select ?? ['main']) as never, remove: (options.remove ?? []) as never, noise: NOISE });

describe('extractPage', () => {
  it('keeps the selected text as Markdown, with absolute clean links and no scripts, forms or removed parts', () => {
    expect(extract({ remove: ['.banner'] })).toBe(
      'Terms\n=====\n\nRead our [privacy policy](https://acme.example/privacy).\n\nScope\n-----\n\n*   One\n*   Two\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\nEnd of terms\n\nAfter the end\n',
    );
  });

  it('extracts a range selector from the start element to before the end element', () => {
    expect(extract({ select: [{ start_after: 'h1', end_before: '#end' }], remove: ['.banner', 'table'] })).toBe(
      'Read our [privacy policy](https://acme.example/privacy).\n\nScope\n-----\n\n*   One\n*   Two\n',
    );
  });

  it('gives byte-identical Markdown for the same page', () => {
    expect(extract({})).toBe(extract({}));
  });

  it('fails with selector-no-match when a selector matches nothing', () => {
    expect(() => extract({ select: ['article'] })).toThrow(
      expect.objectContaining({ category: 'selector-no-match', message: expect.stringContaining('Selector "article" matched nothing at https://acme.example/legal/terms') }),
    );
  });

  it('fails with invalid-selector on a selector that does not parse', () => {
    expect(() => extract({ select: ['main['] })).toThrow(expect.objectContaining({ category: 'invalid-selector' }));
  });
});
