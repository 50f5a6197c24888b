import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findStatedDate } from '../../src/lib/stated-date';

const header = (name: string) =>
  readFileSync(new URL(`../fixtures/diff/stated-dates/${name}.md`, import.meta.url), 'utf8');

describe('stated dates', () => {
  it.each([
    ['ChatGPT - Commercial Terms', 'last updated', '2025-12-01', 'Updated: 1 December 2025'],
    ['Claude.ai - Privacy Policy', 'effective', '2026-07-08', 'Effective July 8, 2026'],
    ['Claude.ai - Vulnerability Disclosure Policy', 'last updated', '2025-02-14', 'Last updated Feb 14, 2025'],
    ['DeepSeek - Trackers Policy', 'last updated', '2026-07-16', 'Last Update: 16 July, 2026'],
    ['Google Generative AI Services - Privacy Policy', 'effective', '2026-04-02', 'Effective 2 April 2026'],
    ['Grok - Acceptable Use Policy', 'effective', '2026-08-14', 'Effective: August 14, 2026'],
    ['Le Chat - Terms of Service', 'effective', '2026-05-28', 'Effective:May 28, 2026'],
    ['Llama API - Terms of Service', 'last updated', '2026-08-21', 'Last updated: August 21, 2026'],
    ['Meta AI - Terms of Service', 'effective', '2026-05-13', 'Effective May 13, 2026'],
    ['Microsoft Copilot - Acceptable Use Policy', 'effective', '2025-09-30', 'Effective: 30 September 2025'],
    ['Microsoft Copilot - Privacy Policy', 'last updated', '2026-07', 'Last Updated: July 2026'],
    ['Perplexity - Terms of Service', 'last updated', '2026-01-23', 'Last updated: January 23rd, 2026'],
    ['Qwen Chat - Privacy Policy', 'last updated', '2026-05-19', 'Last updated: May 19, 2026'],
    ['Vibe - Data Processor Agreement', 'effective', '2026-07-27', 'Effective:July 27, 2026'],
  ])('reads the stated date of %s', (name, label, date, text) => {
    expect(findStatedDate(header(name))).toEqual({ label, date, text });
  });

  it('finds no stated date in a policy that states none', () => {
    expect(findStatedDate(header('Llama API - Acceptable Use Policy'))).toBeNull();
  });

  it('reads an ISO effective date', () => {
    expect(findStatedDate('Privacy Policy\n==============\n\n> Effective date: 2026-07-08\n')).toEqual({
      label: 'effective',
      date: '2026-07-08',
      text: 'Effective date: 2026-07-08',
    });
  });

  it('skips a label followed by no real date', () => {
    expect(findStatedDate('Updated: 31 February 2026\n\nLast modified: 17 December 2024\n')).toEqual({
      label: 'last modified',
      date: '2024-12-17',
      text: 'Last modified: 17 December 2024',
    });
  });

  it('reads a date stated at the start of a line far below the top, after quote or emphasis marks', () => {
    const body = `Terms\n=====\n\n${'A clause of the terms; it was updated often. '.repeat(300)}\n\n> _Last revised: 3 March 2026_\n`;
    expect(findStatedDate(body)).toEqual({ label: 'last modified', date: '2026-03-03', text: 'Last revised: 3 March 2026' });
  });

  it('ignores a date mentioned mid-sentence far below the top', () => {
    const body = `Terms\n=====\n\n${'A clause of the terms. '.repeat(300)}\n\nThese terms were updated on March 3, 2026.\n`;
    expect(findStatedDate(body)).toBeNull();
  });
});
