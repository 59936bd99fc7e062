/**
 * Reading a JSON backup (lib/export/backup-format.ts) back in. The whole file is checked before anything
 * is written, so a bad file imports nothing; the first problem found comes back as one sentence that says
 * what is wrong and where. The popup reads the wrapper (readBackup); the worker checks every record
 * (validateClips) before it writes any.
 *
 * Decisions:
 * - Unknown fields are dropped, not refused: every record is rebuilt field by field from the known
 *   fields (clip-check.ts), so nothing unexpected (nor a `__proto__` key) reaches storage, while a file
 *   from a version that added an optional field still imports.
 * - A repeated id is refused: the two copies may differ, and quietly keeping either could lose the
 *   reader's work. Libya Lens never writes a clip twice, so a repeat means the file was edited.
 * - Wrapper fields other than format, schemaVersion, count and clips are informative and not checked.
 */
import type { ClipRecord } from '../extraction/types';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION } from './backup-format';
import { Invalid, clipPlace, isPlainObject, readClip } from './clip-check';

/** The file size the popup should refuse before reading it (compared with `File.size`). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
export const MAX_BACKUP_CLIPS = 100_000;

export interface BackupOptions {
  /** The clock: timestamps after it are refused (default: now). */
  now?: Date;
  /** Limits, lowered by tests. The text limit counts characters, which for JSON is about bytes. */
  maxChars?: number;
  maxClips?: number;
}

export type ParsedBackup = { ok: true; clips: ClipRecord[]; schemaVersion: number } | { ok: false; error: string };
export type ValidatedClips = { ok: true; clips: ClipRecord[] } | { ok: false; error: string };

type BackupObject = Record<string, unknown>;

/**
 * Upgrades of older backups: `MIGRATIONS[v]` turns a file of schema version v into one of version v + 1,
 * and parseBackup runs every step from the file's version up. Version 1 is the first, so none exist yet;
 * when BACKUP_SCHEMA_VERSION becomes 2, add `1: (file) => …` here.
 */
const MIGRATIONS: Readonly<Partial<Record<number, (file: BackupObject) => BackupObject>>> = {};

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (chars: number) => `${count(Math.ceil(chars / (1024 * 1024)))} MB`;

/**
 * Whether JSON that failed to parse stops in the middle of a value (an open string, object or array): the
 * mark of a download that was cut off. Engines word their parse errors differently, so this looks at the
 * text rather than at the message.
 */
export function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    if (endsEarly(text)) return fail('The file ends early: it may have been cut off while downloading.');
    return fail('The file is not valid JSON, so it is not a Libya Lens backup (or it was changed by hand).');
  }
}

/** Brings an older file up to the current schema, or says why it cannot be read. */
function upgrade(file: BackupObject): { ok: true; file: BackupObject; version: number } | { ok: false; error: string } {
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return fail('This backup does not say which version of the format it uses, so Libya Lens cannot read it safely.');
  if (version > BACKUP_SCHEMA_VERSION)
    return fail(
      `This backup was made by a newer version of Libya Lens (backup format ${version}; this one reads up to ${BACKUP_SCHEMA_VERSION}): update Libya Lens, then import it again.`,
    );
  let current = file;
  for (let v = version; v < BACKUP_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return fail(`This backup uses format version ${version}, which no version of Libya Lens wrote.`);
    current = step(current);
  }
  return { ok: true, file: current, version };
}

/**
 * Checks records that arrived from outside (a backup, a popup message) and rebuilds them from their known
 * fields. All or nothing: the first bad record fails the whole list.
 */
export function validateClips(values: unknown, options: BackupOptions = {}): ValidatedClips {
  if (!Array.isArray(values)) return fail('The import holds no list of clips.');
  const maxClips = options.maxClips ?? MAX_BACKUP_CLIPS;
  if (values.length > maxClips)
    return fail(`The backup holds ${count(values.length)} clips; Libya Lens imports at most ${count(maxClips)} at a time.`);
  const now = options.now ?? new Date();
  const clips: ClipRecord[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const value: unknown = values[i];
    let clip: ClipRecord;
    try {
      clip = readClip(value, now);
    } catch (error) {
      const detail = error instanceof Invalid ? error.message : 'it could not be read.';
      return fail(`${clipPlace(i, value)}: ${detail}`);
    }
    const first = seen.get(clip.id);
    if (first !== undefined)
      return fail(
        `${clipPlace(i, value)} has the same id as clip ${count(first + 1)}; Libya Lens never writes a clip twice, so the file may have been edited.`,
      );
    seen.set(clip.id, i);
    clips.push(clip);
  }
  return { ok: true, clips };
}

export type BackupRecords = { ok: true; records: unknown[]; schemaVersion: number } | { ok: false; error: string };

/**
 * Reads a backup file's wrapper: JSON, format, version (older files brought up to date), count. The
 * records are left unchecked, for a caller that hands them on to the one who checks them: the popup sends
 * them to the worker, whose `clips/import` runs validateClips (checking 10,000 records takes ~0.5 s, once
 * is enough). Never throws.
 */
export function readBackup(text: string, options: BackupOptions = {}): BackupRecords {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  const maxChars = options.maxChars ?? MAX_BACKUP_BYTES;
  if (text.length > maxChars)
    return fail(`The file is too large to be a Libya Lens backup (${megabytes(text.length)}; at most ${megabytes(maxChars)}).`);
  // Editors on Windows start UTF-8 files with a byte-order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty.');

  const parsed = parseJson(body);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  if (!isPlainObject(file) || file.format !== BACKUP_FORMAT)
    return fail(`This is not a Libya Lens backup: it lacks the "format": "${BACKUP_FORMAT}" marker its backups start with.`);

  const upgraded = upgrade(file);
  if (!upgraded.ok) return upgraded;
  const { clips, count: stated } = upgraded.file;
  if (!Array.isArray(clips)) return fail('The backup holds no list of clips.');
  const maxClips = options.maxClips ?? MAX_BACKUP_CLIPS;
  if (clips.length > maxClips)
    return fail(`The backup holds ${count(clips.length)} clips; Libya Lens imports at most ${count(maxClips)} at a time.`);
  if (typeof stated !== 'number' || !Number.isInteger(stated) || stated < 0)
    return fail('The backup does not say how many clips it holds, so Libya Lens cannot tell whether it is complete.');
  if (stated > clips.length)
    return fail(
      `The backup says it holds ${count(stated)} clips but only ${count(clips.length)} are in the file: it may have been cut off while downloading.`,
    );
  if (stated < clips.length)
    return fail(
      `The backup says it holds ${count(stated)} clips but the file has ${count(clips.length)}: it may have been edited.`,
    );

  return { ok: true, records: clips, schemaVersion: upgraded.version };
}

/** Reads a backup file's text: the wrapper, the version, the count, then every record. Never throws. */
export function parseBackup(text: string, options: BackupOptions = {}): ParsedBackup {
  const file = readBackup(text, options);
  if (!file.ok) return file;
  const checked = validateClips(file.records, options);
  if (!checked.ok) return checked;
  return { ok: true, clips: checked.clips, schemaVersion: file.schemaVersion };
}
