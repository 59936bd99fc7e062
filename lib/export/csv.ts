/**
 * The timeline as an ACLED-style CSV (columns: event-fields.ts), one row per event, safe to open in a
 * spreadsheet: RFC 4180 quoting and CRLF (https://www.rfc-editor.org/rfc/rfc4180), a UTF-8 byte order mark
 * so that Excel reads Arabic and accented names as UTF-8, and page text kept from running as a formula.
 */
import type { TimelineEvent } from '../timeline/types';
import { ACLED_COLUMNS, acledRow, type Cell } from './event-fields';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…) leaks data, DDE runs
 * programs). OWASP's list (https://owasp.org/www-community/attacks/CSV_Injection) plus NUL from ASVS 1.2.10.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** Text is page or reader data: a leading `'` makes the spreadsheet show it as text. Numbers are ours and stay numbers. */
function neutralise(cell: Cell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map((cell) => quote(neutralise(cell))).join(',');
}

export function toAcledCsv(events: readonly TimelineEvent[], options: { now?: Date } = {}): string {
  const lines = [csvLine(ACLED_COLUMNS)];
  for (const event of events) {
    const row = acledRow(event, options.now);
    lines.push(csvLine(ACLED_COLUMNS.map((column) => row[column])));
  }
  return BOM + lines.join(CRLF) + CRLF;
}
