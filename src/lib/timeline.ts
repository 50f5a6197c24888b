/**
 * The layout of a version timeline: a small SVG (no script) with one row per document, a dot per
 * version placed by capture time on a time axis shared by all rows, and a class per kind so the
 * stylesheet colours it. Pure: the page passes links and titles in and draws what comes out.
 */
import type { ChangeKind } from './diff/change-kind';

/** What a dot stands for: the first record of a document, or a change of some kind. */
export type TimelineKind = 'first' | ChangeKind;

/** One version on a timeline. */
export interface TimelinePoint {
  time: Date;
  kind: TimelineKind;
  href: string;
  /** Tooltip text (the SVG `<title>`). */
  title: string;
}

/** One row of a timeline: a document's versions. */
export interface TimelineRow {
  label: string;
  points: readonly TimelinePoint[];
}

/** A dot as drawn: centre, radius, class and where it links. */
export interface TimelineDot {
  cx: number;
  cy: number;
  r: number;
  className: string;
  href: string;
  title: string;
}

/** The drawing of a timeline, in SVG user units. */
export interface TimelineLayout {
  width: number;
  height: number;
  rows: { label: string; labelY: number; lineY: number; dots: TimelineDot[] }[];
  /** The first of January of each year inside the time range, where a tick and the year are drawn. */
  ticks: { x: number; label: string }[];
  /** Where the time axis starts and ends, with the dates written at both ends. */
  axis: { x1: number; x2: number; y: number; startLabel: string; endLabel: string };
}

/** Sizes of a timeline drawing. */
export interface TimelineOptions {
  width?: number;
  /** Height of one row: its label above, its line of dots below. */
  rowHeight?: number;
  /** Horizontal margin, at least a dot's radius so the first and last dots are whole. */
  padding?: number;
}

const RADIUS: Record<TimelineKind, number> = { first: 5, substantive: 5, cosmetic: 3, technical: 3 };
// Drawn last, so on top where dots overlap: what matters most to a reader.
const DRAW_ORDER: Record<TimelineKind, number> = { cosmetic: 0, technical: 1, first: 2, substantive: 3 };
const AXIS_HEIGHT = 18;
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Lays out rows of versions on one time axis from the earliest to the latest capture of all rows.
 * When every version has the same capture time, the dots sit in the middle.
 */
export function layoutTimeline(rows: readonly TimelineRow[], options: TimelineOptions = {}): TimelineLayout {
  const { width = 640, rowHeight = 34, padding = 8 } = options;
  const times = rows.flatMap((row) => row.points.map((point) => point.time.getTime()));
  const start = times.length ? Math.min(...times) : 0;
  const end = times.length ? Math.max(...times) : 0;
  const x1 = padding;
  const x2 = width - padding;
  const xOf = (time: number) => round(end === start ? (x1 + x2) / 2 : x1 + ((time - start) / (end - start)) * (x2 - x1));
  const laidRows = rows.map((row, i) => {
    const top = i * rowHeight;
    const lineY = top + rowHeight - RADIUS.first - 2;
    const dots = [...row.points]
      .sort((a, b) => DRAW_ORDER[a.kind] - DRAW_ORDER[b.kind] || a.time.getTime() - b.time.getTime())
      .map((point) => ({
        cx: xOf(point.time.getTime()),
        cy: lineY,
        r: RADIUS[point.kind],
        className: `dot dot-${point.kind}`,
        href: point.href,
        title: point.title,
      }));
    return { label: row.label, labelY: top + 12, lineY, dots };
  });
  const ticks: TimelineLayout['ticks'] = [];
  if (times.length) {
    for (let year = new Date(start).getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= end; year += 1) {
      ticks.push({ x: xOf(Date.UTC(year, 0, 1)), label: String(year) });
    }
  }
  const axisY = rows.length * rowHeight + 4;
  return {
    width,
    height: axisY + AXIS_HEIGHT,
    rows: laidRows,
    ticks,
    axis: {
      x1,
      x2,
      y: axisY,
      startLabel: times.length ? MONTH.format(start) : '',
      endLabel: times.length ? MONTH.format(end) : '',
    },
  };
}
