import { describe, expect, it } from 'vitest';
import { renderTrackedMarkdown } from '../../../src/lib/render/markdown';

describe('renderTrackedMarkdown', () => {
  it('renders setext headings with the anchor ids it is given and a self-link', () => {
    const html = renderTrackedMarkdown('Privacy Policy\n==============\n\nText.\n\n1\\. Collection\n-------------\n\nMore.\n', {
      headingIds: new Map([
        [0, 'privacy-policy'],
        [5, 'collection'],
      ]),
    });
    expect(html).toBe(
      '<h1 id="privacy-policy">Privacy Policy<a href="#privacy-policy" class="self-link" aria-label="Link to this section" rel="nofollow noopener noreferrer">#</a></h1>\n<p>Text.</p>\n' +
        '<h2 id="collection">1. Collection<a href="#collection" class="self-link" aria-label="Link to this section" rel="nofollow noopener noreferrer">#</a></h2>\n<p>More.</p>\n',
    );
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    expect(renderTrackedMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('drops javascript: and data: link targets', () => {
    const html = renderTrackedMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org/)');
    expect(html).toBe(
      '<p>[a](javascript:alert(1)) [b](data:text/html,x) <a href="https://example.org/" rel="nofollow noopener noreferrer">c</a></p>\n',
    );
  });

  it('turns images into links so a tracked page cannot make the reader load anything', () => {
    expect(renderTrackedMarkdown('![logo](https://tracker.example/pixel.gif)')).toBe(
      '<p><a href="https://tracker.example/pixel.gif" rel="nofollow noopener noreferrer">[logo]</a></p>\n',
    );
  });
});

describe('renderTrackedMarkdown anchors for clauses without headings', () => {
  it('anchors the paragraph that opens a numbered clause', () => {
    const html = renderTrackedMarkdown('1\\. Scope. These terms apply.\n\n2\\. Fees. You pay.\n', {
      headingIds: new Map([[2, 'fees']]),
    });
    expect(html).toBe(
      '<p>1. Scope. These terms apply.</p>\n<p id="fees">2. Fees. You pay.<a href="#fees" class="self-link" aria-label="Link to this section" rel="nofollow noopener noreferrer">#</a></p>\n',
    );
  });
});

describe('renderTrackedMarkdown links that would mislead or say nothing', () => {
  it('keeps the words of a fragment link to an anchor the page lacks, and links the provision ids it has', () => {
    const html = renderTrackedMarkdown('## [About](#about)\n\nSee [fees](#fees) or [the site](https://a.example/#fees).\n', {
      headingIds: new Map([[0, 'about']]),
      selfLinkLabel: 'Link',
    });
    expect(html).toBe(
      '<h2 id="about"><a href="#about" rel="nofollow noopener noreferrer">About</a><a href="#about" class="self-link" aria-label="Link" rel="nofollow noopener noreferrer">#</a></h2>\n<p>See fees or <a href="https://a.example/#fees" rel="nofollow noopener noreferrer">the site</a>.</p>\n',
    );
    expect(renderTrackedMarkdown('## [About](#about)\n')).toBe('<h2>About</h2>\n');
  });

  it('drops relative links and relative image sources, which point into the source site', () => {
    expect(renderTrackedMarkdown('See [the DPA](/doc?s=3m5t) and ![Stripe](/logos/stripe.com).\n')).toBe('<p>See the DPA and [Stripe].</p>\n');
  });

  it('drops links without words, which screen readers cannot name', () => {
    expect(renderTrackedMarkdown('Write to [](mailto:legal@x.ai)[legal@x.ai](mailto:legal@x.ai).\n')).toBe(
      '<p>Write to <a href="mailto:legal@x.ai" rel="nofollow noopener noreferrer">legal@x.ai</a>.</p>\n',
    );
  });
});
