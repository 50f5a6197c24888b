import { describe, expect, it } from 'vitest';
import { assertPolicyText, isSuspiciousShrink } from '../../../src/lib/tracker/guards';

describe('assertPolicyText', () => {
  it('rejects empty text, login walls, not-found pages and bot challenges', () => {
    const category = (text: string) => {
      try {
        assertPolicyText(text, 'https://acme.example/terms');
        return 'ok';
      } catch (error) {
        return (error as { category: string }).category;
      }
    };
    expect(category('  \n')).toBe('empty-text');
    expect(category('Welcome back\n\nPlease log in to continue.\n')).toBe('soft-error-page');
    expect(category('Oops! The page you are looking for was not found.\n')).toBe('soft-error-page');
    expect(category('Just a moment... Checking your browser before accessing.\n')).toBe('soft-error-page');
    expect(category('Terms\n\nYou may sign in to your account at any time.\n')).toBe('ok');
  });

  it('does not check long texts for error phrases', () => {
    expect(() => assertPolicyText(`Please log in to continue. ${'Policy text. '.repeat(300)}`, 'https://acme.example/terms')).not.toThrow();
  });
});

describe('isSuspiciousShrink', () => {
  it('flags a text that lost more than the threshold', () => {
    expect(isSuspiciousShrink('x'.repeat(100), 'x'.repeat(49), 0.5)).toBe(true);
    expect(isSuspiciousShrink('x'.repeat(100), 'x'.repeat(50), 0.5)).toBe(false);
    expect(isSuspiciousShrink('', 'x', 0.5)).toBe(false);
  });
});
