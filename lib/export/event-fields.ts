/**
 * What an exported event says, computed once: the CSV row (ACLED columns, ../shared/docs/domain.md), and the
 * pieces the Markdown chronology and the GeoJSON layer take from it, so that the three formats agree.
 */
import type { ClipRecord, EventActor, Stance } from '../extraction/types';
import type { Grade, TimelineEvent } from '../timeline/types';
import { hash64 } from '../extraction/clip-id';

/** A cell: numbers are written by us (never neutralised as formulas), strings may be page text. */
export type Cell = string | number;

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'source',
  'source_url', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
  // Ours, after ACLED's: the attribution Airwars grades, and what ties the row back to the clips.
  'attribution_status', 'perpetrator', 'claimed_by', 'alleged_by', 'denied_by', 'airwars_grade', 'source_count',
  'clip_ids', 'edited_fields',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, Cell>;

/** ACLED's country fields for Libya (ISO 3166-1 numeric 434). */
const LIBYA = { iso: 434, region: 'Northern Africa', country: 'Libya' } as const;

/** ACLED separates several actors, sources or URLs in one cell with "; ". */
export const LIST_SEPARATOR = '; ';

/** Distinct non-empty values (trimmed), first occurrence kept, in order. */
export function distinct(values: Iterable<string | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

export function joinList(values: Iterable<string | undefined>): string {
  return distinct(values).join(LIST_SEPARATOR);
}

/** The words the reader clipped: the selection when they made one, else the whole paragraph. */
export function notesText(clip: ClipRecord): string {
  return (clip.selection?.trim() || clip.text).trim();
}

export function isEdited(clip: ClipRecord): boolean {
  return (clip.edits?.fields.length ?? 0) > 0;
}

/** One link per distinct article, in the order clipped, labelled with its outlet. */
export function sourceLinks(event: TimelineEvent): { outlet: string; url: string }[] {
  const seen = new Set<string>();
  const links: { outlet: string; url: string }[] = [];
  for (const clip of event.clips) {
    const url = clip.article.url.trim();
    if (!url || seen.has(url)) continue;
    seen.add(url);
    links.push({ outlet: clip.article.outlet.trim() || url, url });
  }
  return links;
}

/** ACLED's lowest credible figure across the reports: the smallest non-zero count, 0 when none gives one. */
export function lowestFatalities(event: TimelineEvent): number {
  const counts = event.clips.map((c) => c.fatalities.count).filter((n) => Number.isFinite(n) && n > 0);
  return counts.length ? Math.min(...counts) : 0;
}

/** Unix seconds of the latest change to any of the event's clips; undefined when no timestamp parses. */
export function lastChange(event: TimelineEvent): number | undefined {
  const times = event.clips.map((c) => Date.parse(c.updatedAt)).filter(Number.isFinite);
  return times.length ? Math.floor(Math.max(...times) / 1000) : undefined;
}

/** ACLED's centroids carry 4 decimals (about 11 m), which is also what this layer keeps. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The lead's place as [lon, lat], rounded; undefined when it has none or it is out of range. */
export function eventPoint(event: TimelineEvent): [number, number] | undefined {
  const { lat, lon } = event.lead.location ?? {};
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return [roundCoordinate(lon), roundCoordinate(lat)];
}

/**
 * ACLED's interaction code: the two actor types as two digits, lower first (state forces 1 and external
 * forces 8 → 18); an actor acting alone is its type times ten (civilians alone → 70); 0 when neither is known.
 */
export function interaction(inter1: number, inter2: number): number {
  const known = [inter1, inter2].filter((n) => n > 0).sort((a, b) => a - b);
  if (known.length === 0) return 0;
  if (known.length === 1) return known[0]! * 10;
  return known[0]! * 10 + known[1]!;
}

/** Who made statements of one stance in the lead's text (the same clip attribution_status comes from). */
export function statementsBy(clip: ClipRecord, stance: Stance): string[] {
  return distinct(clip.attribution.statements.filter((s) => s.stance === stance).map((s) => s.by.name));
}

/**
 * `LBY` and the 16 hex digits of the project's one 64-bit hash (lib/extraction/clip-id.ts) of the event id.
 * The event id is the reader's group or the first clip's id, so the ACLED id survives edits to the event's
 * fields and re-exports; hashing keeps it short and uniform whatever the group id looks like.
 */
export function eventIdCnty(eventId: string): string {
  return `LBY${hash64(eventId).toUpperCase()}`;
}

/** The grade in a few words, for readers who do not know Airwars' scale. */
export function gradeWords(grade: Grade, sourceCount: number): string {
  switch (grade) {
    case 'confirmed':
      return 'confirmed: a belligerent accepted responsibility';
    case 'contested':
      return 'contested: competing claims';
    case 'fair':
      return `fair: ${sourceCount} independent sources`;
    case 'weak':
      return 'weak: one source';
  }
}

const names = (actors: readonly EventActor[]) => joinList(actors.map((a) => a.name));

/** The event as one ACLED-style row; the lead's fields stand for the event, the sources and figures are all the clips'. */
export function acledRow(event: TimelineEvent, now?: Date): AcledRow {
  const { lead } = event;
  const inter1 = lead.actor1?.inter ?? 0;
  const inter2 = lead.actor2?.inter ?? 0;
  const point = eventPoint(event);
  const tags = [isEdited(lead) ? 'reader edited' : '', event.readerGrouped ? 'reader grouped' : ''];
  const fallback = now ? Math.floor(now.getTime() / 1000) : '';
  return {
    event_id_cnty: eventIdCnty(event.id),
    event_date: event.day,
    year: Number.parseInt(event.day.slice(0, 4), 10) || '',
    time_precision: event.precision,
    disorder_type: lead.event.disorderType,
    event_type: lead.event.eventType,
    sub_event_type: lead.event.subEventType,
    actor1: lead.actor1?.name ?? '',
    assoc_actor_1: names(lead.assocActors1),
    inter1,
    actor2: lead.actor2?.name ?? '',
    assoc_actor_2: names(lead.assocActors2),
    inter2,
    interaction: interaction(inter1, inter2),
    civilian_targeting: lead.event.civilianTargeting ? 'Civilians targeted' : '',
    ...LIBYA,
    admin1: lead.location?.admin1 ?? '',
    location: lead.location?.name ?? '',
    latitude: point ? point[1] : '',
    longitude: point ? point[0] : '',
    geo_precision: lead.location?.geoPrecision ?? '',
    source: joinList(event.sources),
    source_url: joinList(sourceLinks(event).map((l) => l.url)),
    source_scale: '',
    notes: notesText(lead),
    fatalities: lowestFatalities(event),
    tags: joinList(tags),
    timestamp: lastChange(event) ?? fallback,
    attribution_status: lead.attribution.status,
    perpetrator: lead.attribution.perpetrator,
    claimed_by: statementsBy(lead, 'claimed').join(LIST_SEPARATOR),
    alleged_by: statementsBy(lead, 'alleged').join(LIST_SEPARATOR),
    denied_by: statementsBy(lead, 'denied').join(LIST_SEPARATOR),
    airwars_grade: event.grade,
    source_count: event.sources.length,
    clip_ids: event.clips.map((c) => c.id).join(LIST_SEPARATOR),
    edited_fields: (lead.edits?.fields ?? []).join(LIST_SEPARATOR),
  };
}
