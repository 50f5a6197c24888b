import { describe, expect, it } from 'vitest';
import { titleProvisionAnchors } from '../../../src/lib/search/pagefind-anchors';
import { renderTrackedMarkdown } from '../../../src/lib/render/markdown';

describe('titleProvisionAnchors', () => {
  it('titles a clause anchored on a paragraph so Pagefind makes it a sub-result', () => {
    const html = renderTrackedMarkdown('**1. Arbitration.** Disputes go to arbitration.\n\n**2. Law.** California law applies.\n', {
      headingIds: new Map([
        [0, 'arbitration'],
        [2, 'law'],
      ]),
    });
    const titled = titleProvisionAnchors(html, [
      { id: 'arbitration', heading: '1. Arbitration' },
      { id: 'law', heading: '2. Law' },
    ]);
    expect(titled).toContain('<p id="arbitration" data-pagefind-title="1. Arbitration">');
    expect(titled).toContain('<p id="law" data-pagefind-title="2. Law">');
  });

  it('titles a heading with its text and keeps its self-link out of the index', () => {
    const html = renderTrackedMarkdown('Feedback\n--------\n\nWe may use it.\n', { headingIds: new Map([[0, 'feedback']]) });
    expect(titleProvisionAnchors(html, [{ id: 'feedback', heading: 'Feedback' }])).toMatch(
      /^<h2 id="feedback" data-pagefind-title="Feedback">Feedback<a href="#feedback" class="self-link" data-pagefind-ignore /,
    );
  });

  it('escapes quotes and angle brackets of a hostile heading inside the attribute', () => {
    const titled = titleProvisionAnchors('<p id="x">text</p>', [{ id: 'x', heading: '"><script>alert(1)</script>' }]);
    expect(titled).toBe('<p id="x" data-pagefind-title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">text</p>');
  });

  it('leaves elements whose id is not a provision unchanged', () => {
    expect(titleProvisionAnchors('<table id="t"><tr><td>1</td></tr></table>', [{ id: 'other', heading: 'Other' }])).toBe(
      '<table id="t"><tr><td>1</td></tr></table>',
    );
  });

  it('keeps the attributes before the id', () => {
    expect(titleProvisionAnchors('<ol start="3" id="c3"><li>x</li></ol>', [{ id: 'c3', heading: '3. Fees' }])).toBe(
      '<ol start="3" id="c3" data-pagefind-title="3. Fees"><li>x</li></ol>',
    );
  });
});
