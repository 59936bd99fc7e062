import { describe, expect, it } from 'vitest';
import { EXPORT_MIME, exportFileName } from './files';

describe('exportFileName', () => {
  // Local-time constructor: the name must carry the reader's calendar day whatever the machine's zone.
  const lateEvening = new Date(2026, 10, 22, 23, 59);
  const newYear = new Date(2027, 0, 1, 0, 5);

  it('names each format by the local day, marking filtered exports', () => {
    expect(exportFileName('csv', 'all', lateEvening)).toBe('libya-lens-timeline-2026-11-22.csv');
    expect(exportFileName('json', 'all', newYear)).toBe('libya-lens-timeline-2027-01-01.json');
    expect(exportFileName('md', 'filtered', lateEvening)).toBe('libya-lens-timeline-filtered-2026-11-22.md');
    expect(exportFileName('geojson', 'filtered', newYear)).toBe('libya-lens-timeline-filtered-2027-01-01.geojson');
  });

  it('gives every format a media type, with a charset on the text types', () => {
    expect(EXPORT_MIME).toEqual({
      csv: 'text/csv;charset=utf-8',
      json: 'application/json',
      md: 'text/markdown;charset=utf-8',
      geojson: 'application/geo+json',
    });
  });
});
