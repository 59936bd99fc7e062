/**
 * The reader's corrections to a clip, and their merging and splitting of events. Pure: the worker applies
 * these inside a store transaction (lib/timeline/service.ts). An edit is checked by the same field readers
 * as an imported record (lib/export/clip-check.ts), so the timeline never holds what an import would refuse.
 */
import { EDITABLE_FIELDS, Invalid, isPlainObject, readEditable } from '../export/clip-check';
import type { ClipEdit, ClipRecord, EditableField, ReaderEdits } from '../extraction/types';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Checks an edit that arrived by message and rebuilds it from its known fields. Fields left out are not
 * changed; `null` clears an actor or the place; the date and the event type cannot be cleared.
 */
export function readEdit(changes: unknown): { ok: true; edit: ClipEdit } | { ok: false; error: string } {
  if (!isPlainObject(changes)) return { ok: false, error: 'The correction arrived empty.' };
  const edit: Record<string, unknown> = {};
  try {
    for (const field of EDITABLE_FIELDS) {
      if (!Object.prototype.hasOwnProperty.call(changes, field) || changes[field] === undefined) continue;
      if (changes[field] === null && (field === 'eventDate' || field === 'event'))
        return { ok: false, error: `The ${field === 'event' ? 'event type' : 'event date'} cannot be cleared, only changed.` };
      edit[field] = readEditable(field, changes[field]);
    }
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: capitalise(error.message) };
    return { ok: false, error: 'The correction could not be read.' };
  }
  if (Object.keys(edit).length === 0) return { ok: false, error: 'The correction changes nothing.' };
  return { ok: true, edit: edit as ClipEdit };
}

/** Why an edit cannot be applied, in one sentence; undefined when it can. */
export function checkEdit(changes: unknown): string | undefined {
  const result = readEdit(changes);
  return result.ok ? undefined : result.error;
}

/** JSON with keys sorted: records are JSON-shaped, so this is their deep equality. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);

/**
 * The record with the reader's changes. The first time a field is edited its extraction value is kept in
 * `edits.original` (null where there was none), so later edits keep the true original; an edit back to
 * that value drops the field from the edits, and `edits` goes once no field is left. Sets `updatedAt`.
 */
export function applyEdit(record: ClipRecord, changes: ClipEdit, now: Date): ClipRecord {
  const next = structuredClone(record) as unknown as Record<string, unknown>;
  let fields: EditableField[] = [...(record.edits?.fields ?? [])];
  const original: Record<string, unknown> = { ...(record.edits?.original ?? {}) };
  let changed = false;
  for (const field of EDITABLE_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    const current = next[field] ?? null;
    if (same(current, value)) continue;
    changed = true;
    if (!fields.includes(field)) {
      fields.push(field);
      original[field] = current === null ? null : structuredClone(current);
    }
    if (value === null) delete next[field];
    else next[field] = structuredClone(value);
    if (same(original[field], value)) {
      fields = fields.filter((f) => f !== field);
      delete original[field];
    }
  }
  if (!changed) return record;
  const at = now.toISOString();
  if (fields.length > 0) next.edits = { fields, editedAt: at, original: original as ReaderEdits['original'] } satisfies ReaderEdits;
  else delete next.edits;
  next.updatedAt = at;
  return next as unknown as ClipRecord;
}

/** The group that merges clips: `group-` and the first clip's id. */
export const defaultGroupId = (first: ClipRecord): string => `group-${first.id}`;

/**
 * Merging gives the clips one `eventGroup`: a group one of them already belongs to (so merging a clip into
 * an event the reader made keeps that event), else a new one. Splitting gives each its own `solo:` group,
 * which keeps it apart whatever the automatic grouping says. Returns new records; `updatedAt` is the
 * store's to set.
 */
export function regroup(
  records: readonly ClipRecord[],
  mode: 'merge' | 'split',
  idFactory: (first: ClipRecord) => string = defaultGroupId,
): ClipRecord[] {
  if (mode === 'split') return records.map((r) => ({ ...r, eventGroup: `solo:${r.id}` }));
  const first = records[0];
  if (!first) return [];
  const existing = records.find((r) => r.eventGroup !== undefined && !r.eventGroup.startsWith('solo:'))?.eventGroup;
  const group = existing ?? idFactory(first);
  return records.map((r) => ({ ...r, eventGroup: group }));
}
