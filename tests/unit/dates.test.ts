import { describe, expect, it } from 'vitest';
import { dateToHuman, dateToIso, dateToUtcTime } from '../../src/lib/dates';

describe('dates', () => {
  const date = new Date('2026-07-08T23:31:15+02:00');
  it('shows the UTC day, not the local one', () => expect(dateToHuman(date)).toBe('8 July 2026'));
  it('shows the exact UTC time', () => expect(dateToUtcTime(date)).toBe('21:31:15 UTC'));
  it('writes ISO 8601 in UTC to the second', () => expect(dateToIso(date)).toBe('2026-07-08T21:31:15Z'));
});
