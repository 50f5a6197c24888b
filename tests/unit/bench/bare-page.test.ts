import { describe, expect, it } from 'vitest';
import { bareMarkdownPage } from '../../../src/lib/bench/bare-page';

describe('bareMarkdownPage', () => {
  it('starts with an empty front matter block, so a text opening with a rule stays text', () => {
    expect(bareMarkdownPage('\n----- page 1 -----\n\nTerms')).toBe('---\n---\n\n----- page 1 -----\n\nTerms');
  });

  it('turns images into links to their source', () => {
    expect(bareMarkdownPage('See ![Facebook](../../../images/Icon_Connect_Facebook.png) and ![](#).')).toBe(
      '---\n---\nSee \\![Facebook](../../../images/Icon_Connect_Facebook.png) and \\![](#).',
    );
  });
});
