import { describe, expect, it } from 'vitest';
import { excerptMarkdown } from '../../../src/lib/topics/excerpt';

describe('excerptMarkdown', () => {
  it('keeps a text that fits whole', () => {
    expect(excerptMarkdown('  One paragraph.\n\nTwo.\n', 40)).toEqual({ text: 'One paragraph.\n\nTwo.', truncated: false });
  });

  it('keeps whole blocks while they fit', () => {
    const text = ['First paragraph.', '- a list\n- of items', 'A third paragraph that does not fit.'].join('\n\n');
    expect(excerptMarkdown(text, 40)).toEqual({ text: 'First paragraph.\n\n- a list\n- of items', truncated: true });
  });

  it('cuts a first block longer than the limit at a space', () => {
    expect(excerptMarkdown('You agree that every dispute goes to arbitration.\n\nMore.', 20)).toEqual({ text: 'You agree that every …', truncated: true });
  });

  it('cuts a single line without spaces at the limit', () => {
    const { text, truncated } = excerptMarkdown('x'.repeat(10_000_000), 2_000);
    expect(truncated).toBe(true);
    expect(text).toBe(`${'x'.repeat(2_000)} …`);
  });
});
