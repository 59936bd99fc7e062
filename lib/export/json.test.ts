import { describe, expect, it } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, type BackupFile } from './backup-format';
import { toJsonBackup } from './json';

/** Clips using every optional part of the record: selection, edits, a reader group, Arabic text. */
function variedClips(): ClipRecord[] {
  return [
    makeClip(),
    makeClip({
      selection: 'killing at least three civilians',
      eventGroup: 'group-mitiga',
      edits: {
        fields: ['location', 'eventDate'],
        editedAt: '2024-03-06T12:00:00.000Z',
        original: { location: null, eventDate: { day: '2019-09-01', precision: 1, method: 'publication' } },
      },
    }),
    makeClip({ text: 'قصفت طائرة مسيّرة مطار معيتيقة في طرابلس', actor2: undefined, location: undefined }),
  ];
}

describe('toJsonBackup', () => {
  it('keeps every field of every clip', () => {
    const clips = variedClips();
    const backup = JSON.parse(toJsonBackup(clips, { now: new Date('2026-11-22T09:30:00Z') })) as BackupFile;
    expect(backup.clips).toEqual(clips);
    // toEqual ignores undefined-valued keys; the key sets must match too.
    backup.clips.forEach((clip, i) => expect(Object.keys(clip).sort()).toEqual(Object.keys(clips[i]!).sort()));
  });

  it('wraps them with the format, schema version, count, time and generator', () => {
    const now = new Date('2026-11-22T09:30:00Z');
    const text = toJsonBackup(variedClips(), { now, generator: 'Libya Lens 0.1.0', filter: 'actor: LNA' });
    const backup = JSON.parse(text) as BackupFile;
    expect(backup).toMatchObject({
      format: BACKUP_FORMAT,
      schemaVersion: BACKUP_SCHEMA_VERSION,
      exportedAt: '2026-11-22T09:30:00.000Z',
      generator: 'Libya Lens 0.1.0',
      filter: 'actor: LNA',
      count: 3,
    });
    expect(text).toMatch(/^\{\n {2}"format": /);
  });

  it('leaves the filter out of a full backup and writes an empty one when there is nothing', () => {
    const backup = JSON.parse(toJsonBackup([], { filter: '  ' })) as BackupFile;
    expect(backup).not.toHaveProperty('filter');
    expect(backup.count).toBe(0);
    expect(backup.clips).toEqual([]);
    expect(backup.generator).toBe('Libya Lens');
    expect(Number.isNaN(Date.parse(backup.exportedAt))).toBe(false);
  });
});
