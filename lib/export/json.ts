/**
 * The JSON backup: every field of every clip, wrapped as backup-format.ts describes, so that
 * lib/export/backup.ts can check the whole file before it writes anything back.
 */
import type { ClipRecord } from '../extraction/types';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, type BackupFile } from './backup-format';

export interface JsonBackupOptions {
  now?: Date;
  /** "Libya Lens 0.1.0": the caller knows the version (the manifest); this module stays pure. */
  generator?: string;
  /** What was exported when it was not everything; left out for a full backup. */
  filter?: string;
}

export function jsonBackup(clips: readonly ClipRecord[], options: JsonBackupOptions = {}): BackupFile {
  const filter = options.filter?.trim();
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    generator: options.generator?.trim() || 'Libya Lens',
    ...(filter ? { filter } : {}),
    count: clips.length,
    clips: [...clips],
  };
}

/** The backup as a file: pretty-printed (2 spaces) so that a reader can look inside and diff two backups. */
export function toJsonBackup(clips: readonly ClipRecord[], options: JsonBackupOptions = {}): string {
  return `${JSON.stringify(jsonBackup(clips, options), null, 2)}\n`;
}
