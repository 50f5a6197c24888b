import { ExtractError } from '../errors';

/**
 * Phrases of pages that are served with 200 but are not the policy: login walls, "not found" pages,
 * bot challenges. Only short texts are checked, since a real policy may well say "sign in".
 */
const SOFT_ERROR_PATTERNS: [RegExp, string][] = [
  [/\b(page|content)( you('| a)re looking for)? (was |could )?not (be )?found\b|\b404\b.{0,40}\bnot found\b|\bthis page (doesn['’]t|does not) exist\b/i, 'a "page not found" page'],
  [/\b(please )?(log|sign) ?in to (continue|view|access)\b|\byou must (be logged|log|sign) ?in\b|\bsession (has )?expired\b/i, 'a login page'],
  [/\b(verify(ing)? (that )?you are (a )?human|checking (if the site connection is secure|your browser)|enable javascript and cookies to continue|are you a robot|captcha|attention required|access denied|request (was )?blocked)\b/i, 'a bot challenge or block page'],
];

/** Texts longer than this are not checked for soft error phrases. */
const SOFT_ERROR_MAX_LENGTH = 3000;

/** Throws when the extracted text is empty or reads like an error page served with 200. */
export function assertPolicyText(text: string, url: string): void {
  if (!text.trim()) {
    throw new ExtractError(`The extracted text of ${url} is empty. The selectors may now match an empty element: check the declaration.`, 'empty-text');
  }
  if (text.length > SOFT_ERROR_MAX_LENGTH) return;
  for (const [pattern, what] of SOFT_ERROR_PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      throw new ExtractError(
        `${url} served ${what} instead of the policy ("${match[0]}"). Nothing was recorded; if it persists, the page may need a browser or a new URL.`,
        'soft-error-page',
      );
    }
  }
}

/** Whether `next` lost more than `threshold` (a fraction) of the length of `previous`. */
export function isSuspiciousShrink(previous: string, next: string, threshold: number): boolean {
  return previous.length > 0 && next.length < previous.length * (1 - threshold);
}
