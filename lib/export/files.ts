import { localDay } from '../extraction/calendar';

/** Names and media types of the export files, in one place for the popup's download code. */

export type ExportFormat = 'csv' | 'json' | 'md' | 'geojson';
export type ExportScope = 'all' | 'filtered';

/**
 * Media types: text/csv with its charset (RFC 4180: US-ASCII otherwise), application/json and
 * application/geo+json (RFC 8259 and 7946: UTF-8 always), text/markdown with its required charset (RFC 7763).
 */
export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  md: 'text/markdown;charset=utf-8',
  geojson: 'application/geo+json',
};

/**
 * "libya-lens-timeline-2026-11-22.csv", with "-filtered" before the date for part of the timeline. The day is
 * the reader's local day: a file saved just after midnight should carry the date on their clock.
 */
export function exportFileName(format: ExportFormat, scope: ExportScope, now: Date): string {
  return `libya-lens-timeline${scope === 'filtered' ? '-filtered' : ''}-${localDay(now)}.${format}`;
}
