import { MAX_BACKUP_BYTES, readBackup } from '../../export/backup';
import { toAcledCsv } from '../../export/csv';
import { EXPORT_MIME, exportFileName } from '../../export/files';
import { toGeoJson } from '../../export/geojson';
import { toJsonBackup } from '../../export/json';
import { toMarkdownChronology } from '../../export/markdown';
import type { ClipError, ImportReport } from '../../messaging/protocol';
import type { TimelineEvent } from '../../timeline/types';
import { h } from '../dom';
import { plural } from '../format';
import { downloadText, readPickedFile } from './downloads';

type Format = 'csv' | 'json' | 'md' | 'geojson';

export interface ExportBarOptions {
  now(): Date;
  /** Written into backups ("Libya Lens 0.1.0"). */
  generator: string;
  /** What the timeline shows now, and everything. */
  current(): { events: TimelineEvent[]; all: TimelineEvent[]; filtered: boolean; description: string };
  importRecords(records: unknown[]): Promise<ImportReport | { error: ClipError }>;
  /**
   * Where a file picker would close the window it was opened from (Firefox's toolbar popup:
   * https://bugzilla.mozilla.org/show_bug.cgi?id=1292701), the restore happens in the full view instead.
   */
  restoreElsewhere?(): void;
  /** Arrived from the popup to restore a backup: the button takes focus and says so. */
  restoreRequested?: boolean;
}

export interface ExportBar {
  element: HTMLElement;
  update(shown: number, total: number, filtered: boolean): void;
}

const LABELS: Record<Format, string> = { csv: 'Export CSV', json: 'Export JSON', md: 'Export Markdown', geojson: 'Export GeoJSON' };
const HINTS: Record<Format, string> = {
  csv: 'ACLED columns, one row per event; opens in spreadsheets',
  json: 'Every field of every clip; restores with “Restore backup”',
  md: 'A dated chronology with sources, for a story draft',
  geojson: 'One point per event, for QGIS and other GIS tools',
};

/** One button per format, the choice between the current filter and everything, and the restore. */
export function createExportBar(doc: Document, options: ExportBarOptions): ExportBar {
  const scope = h('select', { 'aria-label': 'What to export', 'data-testid': 'timeline-export-scope' });
  const result = h('p', { class: 'tl-export-result', role: 'status', 'data-testid': 'timeline-export-result' });

  const exportAs = (format: Format) => {
    const started = performance.now();
    const { events, all, filtered, description } = options.current();
    const useFiltered = filtered && scope.value === 'filtered';
    const chosen = useFiltered ? events : all;
    const now = options.now();
    const name = exportFileName(format, useFiltered ? 'filtered' : 'all', now);
    let text: string;
    let note = '';
    if (format === 'csv') text = toAcledCsv(chosen, { now });
    else if (format === 'md') text = toMarkdownChronology(chosen, { now, title: useFiltered ? `Libya timeline — ${description}` : 'Libya timeline' });
    else if (format === 'json') text = toJsonBackup(chosen.flatMap((event) => event.clips), { now, generator: options.generator, filter: useFiltered ? description : undefined });
    else {
      const geo = toGeoJson(chosen);
      text = geo.text;
      if (geo.unplaced > 0) note = ` ${plural(geo.unplaced, 'event')} without coordinates left out.`;
    }
    downloadText(doc, name, EXPORT_MIME[format], text);
    performance.measure(`libya-lens:export:${format}`, { start: started });
    result.textContent = `Saved ${name}: ${plural(chosen.length, 'event')}.${note}`;
  };

  const buttons = (Object.keys(LABELS) as Format[]).map((format) => {
    const button = h('button', { type: 'button', class: 'tl-button', title: HINTS[format], 'data-format': format }, LABELS[format]);
    button.addEventListener('click', () => exportAs(format));
    return button;
  });

  const picker = h('input', { type: 'file', accept: '.json,application/json', hidden: true, 'data-testid': 'timeline-import-file' });
  const restore = h('button', { type: 'button', class: 'tl-button', title: 'Merge a JSON backup into your timeline' }, 'Restore backup…');
  restore.addEventListener('click', () => (options.restoreElsewhere ? options.restoreElsewhere() : picker.click()));
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    result.textContent = `Checking ${file.name}…`;
    let backup: ReturnType<typeof readBackup>;
    try {
      backup = readBackup(await readPickedFile(file, MAX_BACKUP_BYTES));
    } catch (error) {
      backup = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    // The worker checks every record and writes all of them or none: a refusal there changes nothing either.
    const answer = backup.ok ? await options.importRecords(backup.records) : { error: { message: backup.error } };
    if ('error' in answer) {
      result.setAttribute('role', 'alert');
      result.textContent = `${file.name} was not restored, and nothing changed: ${answer.error.message}`;
      return;
    }
    result.setAttribute('role', 'status');
    result.textContent = `Restored ${file.name}: ${answer.added} added, ${answer.updated} updated, ${answer.skipped} already there.`;
  });

  const element = h(
    'section',
    { class: 'tl-exports', 'aria-label': 'Export and restore' },
    h('div', { class: 'tl-export-row' }, scope, ...buttons),
    h('div', { class: 'tl-export-row' }, restore, picker),
    result,
  );
  if (options.restoreRequested) {
    result.textContent = 'Choose “Restore backup…” to pick the JSON backup to restore.';
    queueMicrotask(() => restore.focus());
  }
  let wasFiltered = false;
  return {
    element,
    update(shown, total, filtered) {
      // A filter just set makes "this filter" the choice; while it stays set, the reader's choice holds.
      const previous = filtered && wasFiltered ? scope.value : filtered ? 'filtered' : 'all';
      wasFiltered = filtered;
      scope.replaceChildren(
        h('option', { value: 'filtered', disabled: !filtered }, filtered ? `This filter (${plural(shown, 'event')})` : 'This filter (none set)'),
        h('option', { value: 'all' }, `Everything (${plural(total, 'event')})`),
      );
      scope.value = previous;
      for (const button of buttons) button.disabled = total === 0;
    },
  };
}
