import { describe, expect, it } from 'vitest';
import { layoutTimeline, type TimelinePoint } from '../../src/lib/timeline';

const point = (time: string, kind: TimelinePoint['kind']): TimelinePoint => ({
  time: new Date(time),
  kind,
  href: `/grok/brand-guidelines/${time.slice(0, 10)}/changes/`,
  title: `${time.slice(0, 10)} ${kind}`,
});

describe('version timeline layout', () => {
  it('places versions by capture time between the padded ends of the axis', () => {
    const layout = layoutTimeline(
      [{ label: 'Brand Guidelines', points: [point('2025-01-01T00:00:00Z', 'first'), point('2025-01-03T00:00:00Z', 'substantive'), point('2025-01-11T00:00:00Z', 'cosmetic')] }],
      { width: 120, padding: 10 },
    );
    expect(layout.rows[0]!.dots.map((dot) => [dot.cx, dot.className, dot.r])).toEqual([
      [110, 'dot dot-cosmetic', 3],
      [10, 'dot dot-first', 5],
      [30, 'dot dot-substantive', 5],
    ]);
  });

  it('draws substantive changes after cosmetic and technical ones so they stay on top', () => {
    const layout = layoutTimeline([
      {
        label: 'Terms',
        points: [point('2025-03-01T00:00:00Z', 'substantive'), point('2025-03-01T00:00:00Z', 'technical'), point('2025-03-01T00:00:00Z', 'cosmetic')],
      },
    ]);
    expect(layout.rows[0]!.dots.map((dot) => dot.className)).toEqual(['dot dot-cosmetic', 'dot dot-technical', 'dot dot-substantive']);
  });

  it('centres the dots when every version has the same capture time', () => {
    const layout = layoutTimeline([{ label: 'Terms', points: [point('2025-03-01T00:00:00Z', 'first')] }], { width: 200, padding: 8 });
    expect(layout.rows[0]!.dots[0]!.cx).toBe(100);
    expect(layout.ticks).toEqual([]);
  });

  it('shares one time axis between rows and stacks the rows', () => {
    const layout = layoutTimeline(
      [
        { label: 'A', points: [point('2025-01-01T00:00:00Z', 'first')] },
        { label: 'B', points: [point('2025-01-02T00:00:00Z', 'first'), point('2025-01-03T00:00:00Z', 'substantive')] },
      ],
      { width: 100, padding: 0, rowHeight: 30 },
    );
    expect(layout.rows.map((row) => [row.label, row.labelY, row.lineY, row.dots.map((dot) => dot.cx)])).toEqual([
      ['A', 12, 23, [0]],
      ['B', 42, 53, [50, 100]],
    ]);
    expect(layout.height).toBe(82);
  });

  it('marks the first of January of each year inside the range and names the months at both ends', () => {
    const layout = layoutTimeline(
      [{ label: 'Terms', points: [point('2025-11-11T00:00:00Z', 'first'), point('2027-02-01T00:00:00Z', 'substantive')] }],
      { width: 460, padding: 0 },
    );
    expect(layout.ticks.map((tick) => tick.label)).toEqual(['2026', '2027']);
    // 51 of the 447 days of the range, on 460 units.
    expect(layout.ticks[0]!.x).toBe(52.5);
    expect([layout.axis.startLabel, layout.axis.endLabel]).toEqual(['Nov 2025', 'Feb 2027']);
  });
});
