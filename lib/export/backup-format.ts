import type { ClipRecord } from '../extraction/types';

/**
 * The JSON backup: every field of every clip, wrapped with what the importer needs to trust it. Written by
 * lib/export/json.ts, read (and validated whole before anything is written) by lib/export/backup.ts.
 * Bump BACKUP_SCHEMA_VERSION when the wrapper or the record changes shape, and teach the importer the old one.
 */
export const BACKUP_FORMAT = 'libya-lens/clips';
export const BACKUP_SCHEMA_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  /** ISO timestamp. */
  exportedAt: string;
  /** "Libya Lens 0.1.0". */
  generator: string;
  /** What was exported when it was not everything ("actor: LNA; 2020-05-01 to 2020-05-31"). */
  filter?: string;
  count: number;
  clips: ClipRecord[];
}
