import { nerEntityId } from '../highlight/ner';
import { findEntities, getEntity } from '../kb';
import type { ClipCapture } from '../messaging/protocol';
import { findNewNames } from '../recognition/ner';
import type { TextMatch } from '../recognition/types';
import { clipId, normaliseUrl } from './clip-id';
import { resolveEventDate } from './dates';
import { analyseEvent } from './event';
import { readArticleMeta } from './metadata';
import { CLIP_RECORD_VERSION, type ClipEntity, type ClipRecord, type Selector } from './types';

/** Longer than any news paragraph; a capture beyond it is a page that fights back, not a paragraph. */
export const MAX_PARAGRAPH = 20_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const METHODS = new Set(['button', 'selection', 'context-menu', 'keyboard']);

function isSelector(value: unknown): value is Selector {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  if (s.type === 'TextQuoteSelector')
    return typeof s.exact === 'string' && typeof s.prefix === 'string' && typeof s.suffix === 'string';
  if (s.type === 'TextPositionSelector')
    return Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) <= (s.end as number);
  return false;
}

/**
 * Checks a capture that arrived by message. The sender is our own content script, but it runs inside pages
 * that may tamper with what it reads; a malformed capture gets a reason, never a half-built record.
 */
export function checkCapture(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'The clip arrived empty.';
  const c = value as Partial<Record<keyof ClipCapture, unknown>>;
  if (typeof c.paragraph !== 'string' || c.paragraph.trim() === '') return 'There is no text to clip.';
  if (c.paragraph.length > MAX_PARAGRAPH) return 'The passage is too long to be one paragraph.';
  if (c.selection !== undefined && (typeof c.selection !== 'string' || c.selection.length > MAX_PARAGRAPH))
    return 'The selection could not be read.';
  if (!Array.isArray(c.selectors) || !c.selectors.every(isSelector)) return 'The passage could not be anchored.';
  if (typeof c.method !== 'string' || !METHODS.has(c.method)) return 'Unknown way of clipping.';
  if (typeof c.clippedAt !== 'string' || Number.isNaN(Date.parse(c.clippedAt))) return 'The clip time is missing.';
  if (typeof c.clipDay !== 'string' || !DAY.test(c.clipDay)) return 'The clip day is missing.';
  const facts = c.facts as Partial<ClipCapture['facts']> | undefined;
  if (!facts || typeof facts.pageUrl !== 'string' || !/^https?:/i.test(facts.pageUrl))
    return 'Only web pages can be clipped.';
  for (const list of [facts.links, facts.metas, facts.jsonLd, facts.times, facts.datelines])
    if (!Array.isArray(list)) return 'The page metadata could not be read.';
  return undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every entity the text mentions, once each, knowledge-base entries first, with their mention counts. */
function entitiesOf(text: string, kb: readonly TextMatch[], withNer: boolean): ClipEntity[] {
  const byId = new Map<string, ClipEntity>();
  for (const match of kb) {
    const known = byId.get(match.entityId);
    if (known) {
      known.mentions++;
      continue;
    }
    const entity = getEntity(match.entityId);
    if (!entity) continue;
    const clip: ClipEntity = {
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      category: entity.category,
      source: 'kb',
      mentions: 1,
    };
    if (entity.kind === 'actor') {
      if (entity.camp) clip.camp = entity.camp;
    } else {
      // A place on the reader's watchlist may have no coordinates (NaN in the entity).
      if (Number.isFinite(entity.lat) && Number.isFinite(entity.lon)) {
        clip.lat = entity.lat;
        clip.lon = entity.lon;
      }
      if (entity.admin1) clip.admin1 = entity.admin1;
    }
    byId.set(entity.id, clip);
  }
  if (withNer) {
    for (const span of findNewNames(text, kb)) {
      const id = nerEntityId(span);
      const known = byId.get(id);
      if (known) known.mentions++;
      else
        byId.set(id, {
          id,
          name: span.name,
          kind: span.kind,
          category: span.category,
          source: 'ner',
          mentions: 1,
        });
    }
  }
  return [...byId.values()];
}

/**
 * Turns a captured passage into the annotated record: article metadata, event date, ACLED-style event,
 * Airwars-style attribution, entities and anchors. Pure apart from the knowledge base it reads.
 *
 * The event is read from the selection when there is one (that is what the reader chose), falling back to
 * the whole paragraph for the date and the place when the selection does not state them.
 */
export function buildClip(capture: ClipCapture, options: { ner?: boolean } = {}): ClipRecord {
  const paragraph = collapse(capture.paragraph);
  const selection = capture.selection !== undefined ? collapse(capture.selection) : undefined;
  const focus = selection || paragraph;
  const article = readArticleMeta(capture.facts, new Date(capture.clippedAt));
  article.url = normaliseUrl(article.url);

  const focusMatches = findEntities(focus);
  const analysis = analyseEvent(focus, focusMatches);
  const ref = { published: article.publishedDay, clipDay: capture.clipDay };
  let eventDate = resolveEventDate(focus, ref);
  if (selection && eventDate.method !== 'expression') {
    const fromParagraph = resolveEventDate(paragraph, ref);
    if (fromParagraph.method === 'expression') eventDate = { ...fromParagraph, start: undefined, end: undefined };
  }
  let location = analysis.location;
  if (!location && selection) location = analyseEvent(paragraph, findEntities(paragraph)).location;

  const record: ClipRecord = {
    id: clipId(article.url, focus),
    version: CLIP_RECORD_VERSION,
    text: paragraph,
    article,
    clippedAt: capture.clippedAt,
    updatedAt: capture.clippedAt,
    method: capture.method,
    eventDate,
    event: analysis.event,
    assocActors1: analysis.assocActors1,
    assocActors2: analysis.assocActors2,
    fatalities: analysis.fatalities,
    attribution: analysis.attribution,
    entities: entitiesOf(focus, focusMatches, options.ner ?? true),
    selectors: capture.selectors,
  };
  if (selection) record.selection = selection;
  if (analysis.actor1) record.actor1 = analysis.actor1;
  if (analysis.actor2) record.actor2 = analysis.actor2;
  if (location) record.location = location;
  // JSON-shaped: no undefined fields, so that what is stored, exported and imported compares equal.
  return JSON.parse(JSON.stringify(record)) as ClipRecord;
}
