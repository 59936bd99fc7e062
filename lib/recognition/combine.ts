import type { TextMatch } from './types';

const overlaps = (a: TextMatch, b: TextMatch) => a.start < b.end && b.start < a.end;

/**
 * Knowledge-base and watchlist matches of one text, non-overlapping, left to right. Where they overlap
 * the longer span wins, as within the matcher ("Tripoli Revolutionaries Brigade" on the watchlist over
 * the KB's "Tripoli"); on the same length the knowledge base wins, so a watched alias that the KB
 * already knows never takes a curated name's hover card away.
 */
export function combineMatches(kb: readonly TextMatch[], watch: readonly TextMatch[]): TextMatch[] {
  if (watch.length === 0) return [...kb];
  if (kb.length === 0) return [...watch];
  const length = (m: TextMatch) => m.end - m.start;
  const candidates = [...kb.map((m) => ({ m, kb: true })), ...watch.map((m) => ({ m, kb: false }))];
  candidates.sort((a, b) => length(b.m) - length(a.m) || Number(b.kb) - Number(a.kb) || a.m.start - b.m.start);
  const kept: TextMatch[] = [];
  for (const { m } of candidates) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}
