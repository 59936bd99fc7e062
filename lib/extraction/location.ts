import { getEntity } from '../kb';
import type { PlaceCategory, PlaceEntry } from '../kb/types';
import type { TextMatch } from '../recognition/types';
import { actorMentions } from './actor-mentions';
import { locateEvent, type EventLocus } from './event-type';
import type { EventLocation, GeoPrecision } from './types';

/**
 * Where the event happened: the most specific place of the event clause. ACLED codes the town or site
 * ("location") with its coordinates and a precision: 1 the place itself, 2 near it or a small area
 * around it, 3 a larger region. Reading order:
 *  1. places in the event sentence (event-type.ts) come first, then the nearest other sentences;
 *  2. places that are not where it happened are set aside: a town that names an armed group ("Misrata
 *     brigades"), a modifier ("Tripoli-based"), an origin ("launched from al-Watiya"), a dateline;
 *  3. the place after a locative word ("in", "near", "struck") wins, the earlier on a tie;
 *  4. a more specific place inside it wins over it ("Abu Salim" over "Tripoli", "Mitiga" over "Tripoli").
 */

/** How specific a place of each category is: a site or a neighbourhood beats a town, a town a city, a city a district. */
const SPECIFICITY: Record<PlaceCategory, number> = {
  neighbourhood: 5,
  airbase: 5,
  airport: 5,
  'oil terminal': 5,
  'oil field': 5,
  port: 5,
  'military base': 5,
  landmark: 5,
  'border crossing': 5,
  town: 4,
  city: 3,
  district: 2,
  region: 1,
  'water body': 1,
};

/** Categories ACLED codes at precision 3: larger areas than a town. */
const REGIONAL: ReadonlySet<PlaceCategory> = new Set(['district', 'region', 'water body']);

/** Words before a place that put the event at it ("in", "at", "struck"). */
const LOCATIVE_BEFORE =
  /\b(?:in|at|on|near|outside|around|into|to|over|across|inside|of|towards?|struck|hit|targeted|targeting|shelled|bombed|attacked|captured|retook|recaptured|entered|seized|stormed|raided|pounded|reached)\s+(?:the\s+)?(?:(?:town|city|village|district|area|neighbou?rhood|suburbs?|outskirts|port|oil terminal|air ?base) of\s+)?$/i;
/** An origin, not the scene: "forces from Misrata", "drones launched from al-Watiya" (but "20 km from Sirte" is near it). */
const ORIGIN_BEFORE = /\b(?:from|based in|headquartered in|stationed in|hails from)\s+(?:the\s+)?(?:(?:town|city|village|area|base|air ?base|airport|port) of\s+)?$/i;
const DISTANCE_FROM_BEFORE = /\b(?:km|kilometres|kilometers|miles|metres|meters)\b[^.;]{0,20}\bfrom\s+(?:the\s+)?$/i;
/** Near, not at (geo precision 2): "near Sirte", "outskirts of Tripoli", "south of Tripoli", "30 km from Sirte". */
const NEAR_BEFORE =
  /\b(?:near|nearby|outside|close to|around|in the vicinity of|vicinity of|outskirts of|suburbs? of|surroundings of|(?:south|north|east|west|south-?east|south-?west|north-?east|north-?west)\s+of|(?:km|kilometres|kilometers|miles)\b[^.;]{0,20}\b(?:of|from))\s+(?:the\s+)?(?:(?:town|city|village|capital) of\s+)?$/i;
const NEAR_AFTER = /^['’]s\s+(?:(?:southern|northern|eastern|western)\s+)?(?:outskirts|suburbs|vicinity|surroundings)\b/i;
/** A dateline at the head of the paragraph ("TRIPOLI (Reuters) -", "BENGHAZI, Libya —") is where the reporter was. */
const DATELINE_AFTER = /^\s*(?:,\s*Libya\s*)?(?:\([^)]{1,30}\)\s*)?(?:[-—–:]|\s+[A-Z])/;
/** A place in the phrase that names a speaker: "a source from the operations room in Misrata said", "officials in Tripoli told". */
const SPEAKER_PLACE_BEFORE =
  /\b(?:source|sources|officials?|spokes(?:man|woman|person)|operations room|media office|correspondents?|reporters?|residents?|witness(?:es)?|activists?|doctors?|journalists?)\b[^.;,]{0,40}?\b(?:in|from|at|based in)\s+(?:the\s+)?(?:(?:town|city|capital) of\s+)?$/i;
const SPEAKER_PLACE_AFTER = /^[^.;,]{0,30}?\b(?:said|says|told|tells|reported|stated|added|confirmed)\b/i;
/** A subordinate clause after the cue is another event; its places are not this one's. */
const SUBORDINATE = /\b(?:after|before|when|while|because|since|although|though|until|amid|whereas|following|in response to|in retaliation for)\b/i;

interface Candidate {
  match: TextMatch;
  place: PlaceEntry;
  score: number;
  order: number;
}

const RAD = Math.PI / 180;
function distanceKm(a: PlaceEntry, b: PlaceEntry): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** `inner` lies inside or right by `outer`: same first-level region and close, and more specific. */
function within(inner: PlaceEntry, outer: PlaceEntry): boolean {
  if (SPECIFICITY[inner.category] <= SPECIFICITY[outer.category]) return false;
  const sameRegion = !outer.admin1 || !inner.admin1 || inner.admin1 === outer.admin1;
  return sameRegion && distanceKm(inner, outer) <= (REGIONAL.has(outer.category) ? 250 : 40);
}

/**
 * The most specific place of the event, with ACLED geo precision, or undefined when the paragraph names
 * no place the knowledge base knows. `matches` are the knowledge-base matches of `text`.
 */
export function pickLocation(text: string, matches: readonly TextMatch[], locus: EventLocus = locateEvent(text)): EventLocation | undefined {
  const { absorbedPlaces } = actorMentions(text, matches);
  const sentences = locus.sentences;
  const eventIndex = locus.sentenceIndex ?? 0;

  const places = matches
    .filter((m) => m.kind === 'location' && !absorbedPlaces.has(m.start))
    .map((m) => ({ match: m, place: getEntity(m.entityId) }))
    .filter((p): p is { match: TextMatch; place: PlaceEntry } => p.place?.kind === 'location')
    .sort((a, b) => a.match.start - b.match.start);
  if (!places.length) return undefined;

  // A dateline is where the reporter filed from, not where it happened: never the location.
  const first = places[0]!;
  const isDateline = first.match.start <= 2 && DATELINE_AFTER.test(text.slice(first.match.end)) && /^[A-Z\s,.-]+$/.test(text.slice(first.match.start, first.match.end));
  const usable = isDateline ? places.slice(1) : places;
  if (!usable.length) return undefined;

  // Sentences by distance from the event sentence; the first one that names a place is read.
  const sentenceOf = (m: TextMatch) => sentences.findIndex((s) => m.start >= s.start && m.start < s.end);
  const byDistance = [...new Set(usable.map((p) => sentenceOf(p.match)))].sort(
    (a, b) => Math.abs(a - eventIndex) - Math.abs(b - eventIndex) || a - b,
  );
  const index = byDistance[0]!;
  const sentence = sentences[index];
  const cueEnd = index === eventIndex && locus.cueEnd !== undefined ? locus.cueEnd : sentence?.start ?? 0;
  const tail = sentence ? SUBORDINATE.exec(text.slice(cueEnd, sentence.end)) : null;
  const clauseEnd = tail ? cueEnd + tail.index : sentence?.end ?? text.length;

  const candidates: Candidate[] = usable
    .filter((p) => sentenceOf(p.match) === index)
    .map((p, order) => {
      const before = text.slice(Math.max(0, p.match.start - 80), p.match.start);
      let score = 0;
      if (LOCATIVE_BEFORE.test(before) || NEAR_BEFORE.test(before)) score += 1;
      if (ORIGIN_BEFORE.test(before) && !DISTANCE_FROM_BEFORE.test(before)) score -= 3;
      if (p.match.start >= clauseEnd) score -= 2;
      // Where the speaker is, like a dateline, is not where it happened ("a source from the operations room in Misrata said").
      if (SPEAKER_PLACE_BEFORE.test(before) && SPEAKER_PLACE_AFTER.test(text.slice(p.match.end))) score -= 3;
      return { ...p, score, order };
    });

  const primary = [...candidates].sort((a, b) => b.score - a.score || a.order - b.order)[0]!;
  // The most specific place inside the primary one, unless it is set aside as an origin or another clause.
  let chosen = primary;
  for (const c of candidates) {
    if (c === primary || c.score < 0) continue;
    if (within(c.place, chosen.place)) chosen = c;
  }

  const before = text.slice(Math.max(0, chosen.match.start - 80), chosen.match.start);
  let geoPrecision: GeoPrecision = 1;
  if (NEAR_BEFORE.test(before) || NEAR_AFTER.test(text.slice(chosen.match.end))) geoPrecision = 2;
  if (REGIONAL.has(chosen.place.category)) geoPrecision = 3;

  const location: EventLocation = { name: chosen.place.name, entityId: chosen.place.id, geoPrecision };
  // A place on the reader's watchlist may have no coordinates (NaN in the entity).
  if (Number.isFinite(chosen.place.lat) && Number.isFinite(chosen.place.lon)) {
    location.lat = chosen.place.lat;
    location.lon = chosen.place.lon;
  }
  if (chosen.place.admin1) location.admin1 = chosen.place.admin1;
  return location;
}
