import type { ClipRecord, IsoDay, TimePrecision } from '../extraction/types';

/**
 * Airwars-style grade of how well an event is sourced (../shared/docs/domain.md, "Airwars"):
 * confirmed, a belligerent accepted responsibility; contested, competing claims; fair, two or more
 * independent sources; weak, a single source. A suggestion for the reader, not a verdict.
 */
export type Grade = 'confirmed' | 'contested' | 'fair' | 'weak';

/** One event of the timeline: the clips that report it (one or more), grouped by lib/timeline/group.ts. */
export interface TimelineEvent {
  /** Stable: the reader's `eventGroup` when set, else the id of the group's first clip (timeline order). */
  id: string;
  /** The clips reporting it, in timeline order; never empty. */
  clips: ClipRecord[];
  /** The clip whose fields stand for the event: a reader-edited clip first, else the first clip. */
  lead: ClipRecord;
  /** The event day and its ACLED precision (the lead's). */
  day: IsoDay;
  precision: TimePrecision;
  /** Distinct outlets reporting it, in the order first clipped. */
  sources: string[];
  grade: Grade;
  /** Why that grade, in words for the reader ("2 independent sources: Reuters, Al Jazeera"). */
  gradeReason: string;
  /** True when the reader merged or split it (any clip has `eventGroup`). */
  readerGrouped: boolean;
}
