import { describe, expect, it } from 'vitest';
import {
  formatRecordMessage,
  parseTrailers,
  subjectToKind,
  trailerValues,
} from '../../../src/lib/history/commit-message';

describe('commit messages', () => {
  it('formats a record message with its trailers', () => {
    expect(
      formatRecordMessage({
        kind: 'change',
        platformName: 'Claude.ai',
        documentTitle: 'Privacy Policy',
        trailers: [
          ['Source', 'https://www.anthropic.com/legal/privacy'],
          ['Fetcher', 'browser'],
        ],
      }),
    ).toBe(
      'Record changes of Claude.ai Privacy Policy\n\nSource: https://www.anthropic.com/legal/privacy\nFetcher: browser\n',
    );
  });

  it.each([
    ['First record of ChatGPT Commercial Terms', 'first'],
    ['Start tracking Facebook Terms of Service', 'first'],
    ['Record new changes of ChatGPT Commercial Terms', 'change'],
    ['Record changes of ChatGPT Commercial Terms', 'change'],
    ['Update Facebook Terms of Service', 'change'],
    ['Apply technical or declaration upgrade on Grok Terms', 'technical'],
    ['Technical upgrade of Grok Terms', 'technical'],
    ['Refilter Facebook Terms of Service', 'technical'],
    ['Something unexpected', 'change'],
  ] as const)('reads the kind of "%s" as %s', (subject, kind) => {
    expect(subjectToKind(subject)).toBe(kind);
  });

  it('reads trailers from the last paragraph only', () => {
    const message =
      'Record changes of X Terms\n\nThis version was recorded: see https://example.org\n\nSource: https://a.example/terms\nsource: https://b.example/terms\nExtractor-Version: 3\n';
    const trailers = parseTrailers(message);
    expect(trailerValues(trailers, 'Source')).toEqual(['https://a.example/terms', 'https://b.example/terms']);
    expect(trailerValues(trailers, 'extractor-version')).toEqual(['3']);
  });

  it('finds no trailers when the last paragraph is prose', () => {
    expect(parseTrailers('Subject\n\nSome body text.\n')).toEqual([]);
    expect(parseTrailers('Subject only')).toEqual([]);
  });
});
