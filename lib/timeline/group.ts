/**
 * Clippings of the same event become one timeline event: same place, same ACLED event type and dates
 * that overlap within their precision (../shared/docs/domain.md: "Group clippings of the same event …
 * instead of counting them twice"). The reader's merges and splits (`eventGroup`) always win.
 *
 * How overlapping dates chain (deterministic whatever the input order):
 *  1. Clips at precision 1 (a known day) group by day.
 *  2. Clips at precision 2 (a week: day−3…day+3) first link to each other (a clip joins when its week
 *     overlaps any member's: connected components); each such component then joins the day group it
 *     overlaps if there is exactly one, else stays an event of its own.
 *  3. Clips at precision 3 (a month) likewise: their components join the single group of more precise
 *     clips they overlap, else stay apart.
 * So a vague report never welds two precise events together: "a drone strike on Mitiga in May" overlapping
 * strikes on 3 and 20 May could be either, and is left for the reader to merge.
 */
import { foldDiacritics } from '../recognition/normalize';
import type { ClipRecord, IsoDay, TimePrecision } from '../extraction/types';
import { gradeClips, outletsOf } from './grade';
import type { TimelineEvent } from './types';

/** Inclusive range of day numbers (days since 1970-01-01, lib/extraction/calendar.ts). */
export interface DayInterval {
  first: number;
  last: number;
}

const MONTH_LENGTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_LENGTH[m - 1]!);

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil,
 * https://howardhinnant.github.io/date_algorithms.html#days_from_civil): the same numbers as
 * lib/extraction/calendar.ts, without a Date per call, which is most of grouping 10,000 clips.
 */
function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * The days an ACLED date may stand for: the day; the week around it (ACLED dates a week mid-week); its
 * month. A day that does not parse counts as 1970-01-01 rather than breaking the timeline (imports are
 * validated anyway).
 */
export function dateInterval(date: { day: IsoDay; precision: TimePrecision }): DayInterval {
  const s = date.day;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const valid = s.length === 10 && s[4] === '-' && s[7] === '-' && y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m);
  if (!valid) return { first: 0, last: 0 };
  const n = civilDays(y, m, d);
  if (date.precision === 2) return { first: n - 3, last: n + 3 };
  if (date.precision === 3) return { first: n - d + 1, last: n - d + monthLength(y, m) };
  return { first: n, last: n };
}

/** The same place: the knowledge-base entity, else the name folded (case, accents, punctuation). */
export function placeKey(location: { name: string; entityId?: string }): string {
  if (location.entityId) return location.entityId;
  const name = foldDiacritics(location.name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `name:${name}`;
}

const UTC_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A clip time that sorts as a string. Records carry `toISOString()` stamps, which already do (and
 * comparing them skips parsing 10,000 dates); anything else is parsed once into that form.
 */
function clippedKey(clip: ClipRecord): string {
  const at = clip.clippedAt;
  if (UTC_STAMP.test(at)) return at;
  const t = Date.parse(at);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Order of clips within an event: first clipped first (ties by id, so that the order is total). */
function byClipped(a: ClipRecord, b: ClipRecord): number {
  return compare(clippedKey(a), clippedKey(b)) || compare(a.id, b.id);
}

interface Item extends DayInterval {
  clip: ClipRecord;
  precision: TimePrecision;
  clipped: string;
}

interface Member extends DayInterval {
  cluster: number;
}

/** Index of the first member whose `first` is ≥ value (members sorted by first). */
function lowerBound(members: readonly Member[], value: number): number {
  let lo = 0;
  let hi = members.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (members[mid]!.first < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Clusters clips of one place and type by date, level by level (see the module comment). */
function clusterByDate(items: Item[]): ClipRecord[][] {
  items.sort((a, b) => a.first - b.first || a.last - b.last || compare(a.clipped, b.clipped) || compare(a.clip.id, b.clip.id));
  const clusters: ClipRecord[][] = [];
  let members: Member[] = [];
  let longest = 0;
  for (const level of [1, 2, 3] as const) {
    const levelItems = items.filter((item) => item.precision === level);
    if (!levelItems.length) continue;
    // Connected components of this level's intervals: sorted by start, a clip joins while it starts
    // before the component's furthest end.
    const components: { items: Item[]; first: number; last: number }[] = [];
    for (const item of levelItems) {
      const current = components[components.length - 1];
      if (current && item.first <= current.last) {
        current.items.push(item);
        current.last = Math.max(current.last, item.last);
      } else components.push({ items: [item], first: item.first, last: item.last });
    }
    const added: Member[] = [];
    for (const component of components) {
      // The clusters of more precise clips it overlaps, looked up in the members as they stood before
      // this level, so that one component joining a cluster cannot change where the next one goes.
      const touched = new Set<number>();
      for (let k = lowerBound(members, component.first - longest); k < members.length; k++) {
        const m = members[k]!;
        if (m.first > component.last) break;
        if (m.last >= component.first) touched.add(m.cluster);
      }
      let cluster: number;
      if (touched.size === 1) cluster = [...touched][0]!;
      else {
        cluster = clusters.length;
        clusters.push([]);
      }
      for (const item of component.items) {
        clusters[cluster]!.push(item.clip);
        added.push({ first: item.first, last: item.last, cluster });
        longest = Math.max(longest, item.last - item.first);
      }
    }
    members = members.concat(added).sort((a, b) => a.first - b.first);
  }
  return clusters;
}

/**
 * Events already built, by their first clip. The timeline regroups every clip each time one arrives or
 * changes; an event whose clips are the very same records is handed back as it was (events are not
 * mutated), which also keeps the search index (filter.ts, per event) warm.
 */
const built = new WeakMap<ClipRecord, TimelineEvent>();

function buildEvent(clips: ClipRecord[], readerGroup?: string): TimelineEvent {
  const ordered = clips.length > 1 ? [...clips].sort(byClipped) : clips;
  const first = ordered[0]!;
  const cached = built.get(first);
  if (cached && cached.id === (readerGroup ?? first.id) && cached.clips.length === ordered.length && cached.clips.every((c, i) => c === ordered[i])) {
    return cached;
  }
  const lead = ordered.find((clip) => (clip.edits?.fields.length ?? 0) > 0) ?? first;
  const { grade, reason } = gradeClips(ordered);
  const event: TimelineEvent = {
    // The earliest-clipped clip's id: clips arriving later (other outlets' reports) leave it unchanged.
    id: readerGroup ?? first.id,
    clips: ordered,
    lead,
    day: lead.eventDate.day,
    precision: lead.eventDate.precision,
    sources: outletsOf(ordered),
    grade,
    gradeReason: reason,
    readerGrouped: ordered.some((clip) => clip.eventGroup !== undefined),
  };
  built.set(first, event);
  return event;
}

/**
 * The timeline's events, ordered by event day, then by when first clipped. Clips the reader grouped
 * (`eventGroup`) are one event per value (`solo:` values one event per clip) and never join automatic
 * groups; clips without a place are events of their own.
 */
export function groupEvents(clips: readonly ClipRecord[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const readerGroups = new Map<string, ClipRecord[]>();
  const buckets = new Map<string, Item[]>();
  for (const clip of clips) {
    const group = clip.eventGroup;
    if (group !== undefined) {
      if (group.startsWith('solo:')) {
        // A split clip keeps its own event even if an import brought two clips with the same value.
        events.push(buildEvent([clip], group === `solo:${clip.id}` ? group : `solo:${clip.id}`));
      } else {
        const list = readerGroups.get(group);
        if (list) list.push(clip);
        else readerGroups.set(group, [clip]);
      }
      continue;
    }
    if (!clip.location) {
      events.push(buildEvent([clip]));
      continue;
    }
    const key = `${placeKey(clip.location)}\u0000${clip.event.eventType}\u0000${clip.event.subEventType}`;
    const { first, last } = dateInterval(clip.eventDate);
    const item: Item = { clip, precision: clip.eventDate.precision, first, last, clipped: clippedKey(clip) };
    const bucket = buckets.get(key);
    if (bucket) bucket.push(item);
    else buckets.set(key, [item]);
  }
  for (const [group, list] of readerGroups) events.push(buildEvent(list, group));
  for (const bucket of buckets.values()) for (const cluster of clusterByDate(bucket)) events.push(buildEvent(cluster));

  const keyed = events.map((event) => ({ event, day: dateInterval({ day: event.day, precision: 1 }).first, t: clippedKey(event.clips[0]!) }));
  keyed.sort((a, b) => a.day - b.day || compare(a.t, b.t) || compare(a.event.id, b.event.id));
  return keyed.map((k) => k.event);
}
