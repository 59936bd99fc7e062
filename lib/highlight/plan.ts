import type { TextMatch } from '../recognition/types';
import type { TextRun } from './runs';

/** The part of one text node a planned range covers: [from, to) in the node's data. */
export interface NodeSpan {
  node: Text;
  from: number;
  to: number;
}

/** A range to paint, as data: where it starts and ends in the page's text nodes, and what it is. */
export interface PlannedRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Every text node the range touches, in order (one for most names, more across inline markup). */
  spans: NodeSpan[];
  /** The run's text under the range. */
  text: string;
  match: TextMatch;
}

/** Index of the segment holding the run offset `at` (segments are contiguous and non-empty). */
function segmentAt(run: TextRun, at: number): number {
  let lo = 0;
  let hi = run.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (run.segments[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Turns matches (offsets into a run's text) into ranges over the run's text nodes. Pure: reads only
 * `run`. Matches that are out of bounds, empty, or overlap an earlier one are dropped, so a faulty
 * recognizer can never produce a range outside the run.
 */
export function planRun(run: TextRun, matches: readonly TextMatch[]): PlannedRange[] {
  const planned: PlannedRange[] = [];
  const sorted = matches.every((m, i) => i === 0 || matches[i - 1]!.start <= m.start)
    ? matches
    : [...matches].sort((a, b) => a.start - b.start);
  let lastEnd = 0;
  for (const match of sorted) {
    const { start, end } = match;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < lastEnd || end <= start || end > run.text.length) {
      continue;
    }
    const first = segmentAt(run, start);
    const last = segmentAt(run, end - 1);
    const spans: NodeSpan[] = [];
    for (let i = first; i <= last; i++) {
      const seg = run.segments[i]!;
      spans.push({
        node: seg.node,
        from: i === first ? start - seg.start : 0,
        to: i === last ? end - seg.start : (run.segments[i + 1]?.start ?? run.text.length) - seg.start,
      });
    }
    const head = spans[0]!;
    const tail = spans[spans.length - 1]!;
    planned.push({
      startNode: head.node,
      startOffset: head.from,
      endNode: tail.node,
      endOffset: tail.to,
      spans,
      text: run.text.slice(start, end),
      match,
    });
    lastEnd = end;
  }
  return planned;
}
