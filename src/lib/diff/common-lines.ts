/**
 * Where two line lists stop sharing lines: `start` is the first differing index from the top, and
 * `endA` / `endB` end each list's differing region once the common trailing lines are set aside.
 */
export function differingLineBounds(a: readonly string[], b: readonly string[]): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  return { start, endA, endB };
}
