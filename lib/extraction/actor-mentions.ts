import { actors as kbActors, getEntity } from '../kb';
import { aliasText } from '../recognition/aliases';
import type { TextMatch } from '../recognition/types';
import { type Sentence } from './sentences';
import type { EventActor } from './types';
import { actorOf, GENERIC_ACTORS, MIGRANTS, resolveActorEntry, type GenericKind } from './acled-actors';

/**
 * Where a paragraph names actors: knowledge-base names resolved to the group ACLED codes ("Haftar" → the
 * LNA), town groups ("Misrata brigades"), unnamed actors in ACLED's terms ("unknown gunmen"), and which of
 * them only speak ("the GNA said"). Who did what to whom is actors.ts's reading of these mentions.
 */

// ───────────────────────────── mentions ─────────────────────────────

export interface ActorMention {
  start: number;
  end: number;
  actor: EventActor;
  /** The KB id as matched, before a person is resolved to their group. */
  matchedId?: string;
  generic?: GenericKind;
  /** The group named with protesters or civilians ("Amazigh protesters", "Egyptian workers"). */
  qualifier?: EventActor;
  /** "Turkish-made", "UN-backed": a modifier, never an actor. */
  modifier?: boolean;
}

/** Group nouns after a town that make it an armed group ("Misrata brigades", "Zawiya fighters"). */
const GROUP_NOUN = /^\s+(?:brigades?|forces|militias?|militiamen|fighters|armed groups?|battalions?|units)\b/i;
/** A town after a group noun ("fighters from Misrata", "forces of Zintan"). */
const GROUP_FROM = /\b(?:fighters|forces|brigades|militias|militiamen|armed groups|units|gunmen) (?:from|of) (?:the )?(?:(?:town|city) of )?$/i;
/** A town written as the modifier of something else ("Tripoli-based", "Benghazi-born"). */
const PLACE_MODIFIER = /^-(?:based|born|backed|aligned|allied|led|headquartered)\b/i;
/** After an actor: only a modifier ("Turkish-made drones", "UN-backed government", "UAE-supplied jets"). */
const ACTOR_MODIFIER =
  /^-(?:backed|supported|sponsored|based|trained|brokered|recogni[sz]ed|funded|armed|made|built|supplied|manufactured|owned|designed|mediated)\b/i;

/** "the UN arms embargo", "a Turkish proposal": the name qualifies a thing, it does not act. */
const NOUN_MODIFIER =
  /^\s+(?:arms embargo|embargo|sanctions|resolutions?|plan|roadmap|talks|process|proposal|initiative|charter|summit|conference|border|borders|frontier|territory|waters|airspace|coast)\b/i;
/** "Gaddafi's home city", "Haftar's son": the person names something else, not an actor. */
const POSSESSIVE_NOT_ACTOR =
  /^['’]s\s+(?:home|hometown|home town|birthplace|native|sons?|daughters?|family|widow|wife|brothers?|death|fall|overthrow|ouster|downfall|killing|era|time|rule|legacy|palace|compound|grave|body|former|late)\b/i;
/** After a nationality word: what makes it the state acting ("Turkish drones", "Egyptian officials"), not a label. */
const STATE_NOUN =
  /^\s+(?:(?:special|armed|security|naval|air|military|government|foreign|defen[cs]e|interior)\s+)?(?:forces|troops|army|military|soldiers|navy|naval|air force|warplanes|war planes|jets|fighter jets|drones|aircraft|helicopters|frigates?|warships?|commandos|government|authorities|officials?|president|ministry|coast guard|intelligence|advisers|advisors|personnel|units|mercenaries|contractors|embassy|ambassador|envoy|delegation|leader|prime minister|sources|spokes(?:man|woman|person)|statement|strikes?|air strikes?|airstrikes?|missiles?|operators|officers)\b(?!\s+(?:manufacturer|makers?|company|firm|industry|deals?|sales|purchases|exports))/i;
/** A country named as a place ("in neighbouring Tunisia", "in neighbors Iraq and Syria", "across the border into Chad"), not as an actor. */
const COUNTRY_AS_PLACE =
  /\b(?:[Ii]n|[Ii]nto|[Ff]rom|across|near|towards?|via|within|outside|neighbou?ring|bordering|border with|frontier with|coast of)\s+(?:the\s+)?(?:neighbou?r(?:ing|s)\s+)?(?:[A-Z][\w-]+,?\s+(?:and\s+)?){0,4}$/;

/**
 * A foreign state named only as a nationality ("a Tunisian militant", "the Egyptian border") or as a
 * place ("in neighbouring Tunisia"): not an actor. ACLED codes a state only when its forces act.
 */
function isCountryWord(text: string, m: ActorMention): boolean {
  const entry = m.matchedId ? getEntity(m.matchedId) : undefined;
  if (entry?.kind !== 'actor' || entry.category !== 'foreign state') return false;
  const surface = text.slice(m.start, m.end);
  const demonym = surface.toLowerCase() !== entry.name.toLowerCase() && /(?:ish|ian|ese|i|ch|an)$/i.test(surface) && !/\s/.test(surface);
  if (demonym) return !STATE_NOUN.test(text.slice(m.end));
  // "Tunisians", "Syrians": people of that nationality, not the state.
  if (surface.toLowerCase() !== entry.name.toLowerCase() && /(?:ish|ian|ese|i|ch|an)s$/i.test(surface) && !/\s/.test(surface)) return true;
  // "Tunisia's national museum" is a place; "Turkey's drones", "Egypt's government" are the state.
  const possessive = /^['’]s\b/.exec(text.slice(m.end));
  if (possessive) return !STATE_NOUN.test(text.slice(m.end + possessive[0].length));
  return COUNTRY_AS_PLACE.test(text.slice(Math.max(0, m.start - 80), m.start));
}

let aliasIndex: Map<string, string> | undefined;
/** KB actor id by lower-cased alias, for "<town> brigades" phrases the matcher sees as a place. */
function actorByAlias(alias: string): string | undefined {
  if (!aliasIndex) {
    aliasIndex = new Map();
    for (const a of kbActors) for (const spec of a.aliases) aliasIndex.set(aliasText(spec).toLowerCase(), a.id);
  }
  return aliasIndex.get(alias.toLowerCase());
}

/** "Misrata" + "brigades" → the KB's Misrata brigades; a town without one → ACLED's "<Town> Communal Militia (Libya)". */
function townGroup(text: string, m: TextMatch, noun?: string): EventActor {
  const surface = text.slice(m.start, m.end);
  for (const n of [noun, 'brigades', 'forces', 'militias', 'fighters', 'armed groups']) {
    if (!n) continue;
    const id = actorByAlias(`${surface} ${n}`);
    const entry = id ? resolveActorEntry(id) : undefined;
    if (entry) return actorOf(entry);
  }
  const place = getEntity(m.entityId);
  return { name: `${place?.name ?? surface} Communal Militia (Libya)`, inter: 4 };
}

export interface Mentions {
  mentions: ActorMention[];
  /** Start offsets of place matches that are part of an actor phrase or a modifier: not the event's location. */
  absorbedPlaces: Set<number>;
}

/** Every actor the paragraph names: KB actors (people resolved to their group), towns' armed groups, unnamed actors. */
export function actorMentions(text: string, matches: readonly TextMatch[]): Mentions {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const mentions: ActorMention[] = [];
  const absorbedPlaces = new Set<number>();

  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    // (The matcher leaves the last dot of an abbreviation out: "U.S" + ".-based".)
    const after = text.slice(m.end).replace(/^\.(?=-)/, '');
    if (m.kind === 'location') {
      const next = sorted[i + 1];
      const noun = GROUP_NOUN.exec(after)?.[0].trim();
      if (PLACE_MODIFIER.test(after)) {
        absorbedPlaces.add(m.start);
      } else if (noun && !/^[A-Z\s-]{4,}$/.test(text.slice(m.start, m.end))) {
        // (An all-capitals town is a dateline: "TRIPOLI Forces aligned with…" is not a Tripoli militia.)
        mentions.push({ start: m.start, end: m.end + GROUP_NOUN.exec(after)![0].length, actor: townGroup(text, m, noun) });
        absorbedPlaces.add(m.start);
      } else if (
        next?.kind === 'actor' &&
        /^\s*(?:and|,|&)\s*$/.test(text.slice(m.end, next.start)) &&
        /\s(?:brigades?|forces|militias?|fighters|armed groups?|battalions?)$/i.test(text.slice(next.start, next.end))
      ) {
        // "Misrata and Zintan brigades": the group noun of the second town belongs to the first too.
        const shared = /\s(\S+(?: groups?)?)$/.exec(text.slice(next.start, next.end))![1];
        mentions.push({ start: m.start, end: m.end, actor: townGroup(text, m, shared) });
        absorbedPlaces.add(m.start);
      } else if (GROUP_FROM.test(text.slice(Math.max(0, m.start - 60), m.start))) {
        mentions.push({ start: m.start, end: m.end, actor: townGroup(text, m) });
        absorbedPlaces.add(m.start);
      }
      continue;
    }
    const entry = resolveActorEntry(m.entityId);
    const mention: ActorMention = entry
      ? { start: m.start, end: m.end, actor: actorOf(entry), matchedId: m.entityId }
      : { start: m.start, end: m.end, actor: { name: text.slice(m.start, m.end), inter: 0 } };
    if (ACTOR_MODIFIER.test(after) || POSSESSIVE_NOT_ACTOR.test(after) || NOUN_MODIFIER.test(after)) mention.modifier = true;
    mentions.push(mention);
  }

  addGenerics(text, mentions);
  for (const m of mentions) if (!m.modifier && isCountryWord(text, m)) m.modifier = true;
  mentions.sort((a, b) => a.start - b.start);
  return { mentions: mergeAdjacent(text, mentions), absorbedPlaces };
}

/** Words between a named force and a generic noun that make them one phrase ("LNA troops", "Haftar's soldiers"). */
const ATTACHED_AFTER = /^(?:['’]s)?(?:[\s-]+(?:elite|special|regular|allied|affiliated|aligned|loyalist|backed|led))?[\s-]+$/i;
/** …and the other way round ("forces loyal to Haftar", "troops of the GNA"). */
const ATTACHED_BEFORE = /^\s+(?:loyal to|aligned (?:with|to)|allied (?:with|to)|affiliated (?:with|to)|belonging to|of|under|commanded by|led by|backing|supporting)\s+(?:the\s+)?$/i;

function addGenerics(text: string, mentions: ActorMention[]): void {
  const named = [...mentions];
  const taken: [number, number][] = named.map((m) => [m.start, m.end]);
  for (const { kind, actor, pattern } of GENERIC_ACTORS) {
    for (const g of text.matchAll(pattern)) {
      const start = g.index;
      const end = start + g[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      // A named actor right before: "LNA troops" is the LNA; "Amazigh protesters" are protesters with a qualifier.
      const before = named.filter((n) => n.end <= start && ATTACHED_AFTER.test(text.slice(n.end, start))).pop();
      const after = named.find((n) => n.start >= end && ATTACHED_BEFORE.test(text.slice(end, n.start)));
      // "his troops", "their soldiers": the subject's own men, already named as the actor.
      if ((kind === 'military' || kind === 'police') && /\b(?:his|her|its|their|own)\s+$/i.test(text.slice(Math.max(0, start - 10), start))) continue;
      const mention: ActorMention = { start, end, actor, generic: kind };
      if (kind === 'protesters' || kind === 'rioters' || kind === 'civilians' || kind === 'migrants') {
        if (before) {
          const entry = before.matchedId ? getEntity(before.matchedId) : undefined;
          // "Egyptian workers": civilians of that country (ACLED "Civilians (Egypt)").
          if (entry?.kind === 'actor' && entry.category === 'foreign state' && kind !== 'protesters' && kind !== 'rioters') {
            mention.actor = { name: `Civilians (${entry.name})`, inter: 7 };
          } else {
            mention.qualifier = before.actor;
          }
          mention.start = before.start;
          const index = mentions.indexOf(before);
          if (index >= 0) mentions.splice(index, 1);
        }
        if (kind === 'migrants') mention.qualifier ??= MIGRANTS;
      } else if (before || after) {
        continue;
      }
      mentions.push(mention);
      taken.push([mention.start, end]);
    }
  }
}

/** "Khalifa Haftar's Libyan National Army (LNA)": one actor, not three. */
function mergeAdjacent(text: string, mentions: ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.actor.entityId &&
      prev.actor.entityId === m.actor.entityId &&
      /^(?:['’]s)?[\s(),-]*$/.test(text.slice(prev.end, m.start))
    ) {
      prev.end = Math.max(prev.end, m.end);
      continue;
    }
    out.push(m);
  }
  return out;
}

// ───────────────────────────── speakers ─────────────────────────────

/** Verbs that make their subject a speaker, not a doer. */
export const SPEECH_VERB =
  String.raw`(?:said|says|say|told|tells|stated|states|announced|announces|reported|reports|claimed|claims|confirmed|confirms|alleged|alleges|accused|accuses|blamed|blames|denied|denies|insisted|warned|condemned|condemns|rejected|dismissed|noted|added|acknowledged|admitted|tweeted|wrote|posted|held|attributed|maintained|argued|called|urged|demanded|welcomed|explained|described|pointed|expressed|voiced|took responsibility|accepted responsibility)`;
const SPEAKER_AFTER = new RegExp(String.raw`^(?:['’]s)?(?:\s+[\w'’.()-]+){0,4}?\s*,?\s+(?:has\s+|have\s+|had\s+)?${SPEECH_VERB}\b`, 'i');
export const ACCORDING_TO = /\baccording to\s+(?:[\w'’.-]+\s+){0,5}$/i;
/** "…, said the GNA." / "…, the LNA's spokesman said": the name closes the sentence after a speech verb. */
const INVERTED_SPEAKER_BEFORE = new RegExp(String.raw`\b(?:${SPEECH_VERB}|according to)\s+(?:the\s+|a\s+)?$`, 'i');
const INVERTED_SPEAKER_AFTER = /^\s*(?:['’]s\s+[\w-]+\s*)?(?:[,.;)]|$|in a statement|on \w+day|spokes(?:man|woman|person))/i;
/** "a spokesman for the LNA", "a statement by the GNA", "sources close to the LNA". */
const SPOKESMAN_BEFORE =
  /\b(?:spokes(?:man|woman|person)|statement|media office|officials?|sources?|source close|sources close|on behalf)\s+(?:for|from|of|by|close to|within|in|issued by|of the)\s+(?:the\s+)?(?:[\w-]+\s+)?$/i;

/** "the UN report on…", "a GNA statement", "LNA spokesman": the name qualifies a source, it does not act. */
const SOURCE_AFTER =
  /^(?:['’]s)?\s+(?:[\w-]+\s+)?(?:report|reports|investigation|inquiry|probe|statement|spokes(?:man|woman|person)|envoy|officials?|resolution|panel|experts|media office|news agency|television|TV)\b/i;

/** Whether the mention is the speaker of a statement in its sentence (and not, by that, a doer). */
export function isSpeaker(text: string, sentence: Sentence, m: { start: number; end: number }, cueStart?: number): boolean {
  const before = text.slice(sentence.start, m.start);
  const after = text.slice(m.end, sentence.end);
  if (ACCORDING_TO.test(before) || SPOKESMAN_BEFORE.test(before) || SOURCE_AFTER.test(after)) return true;
  if (INVERTED_SPEAKER_BEFORE.test(before) && INVERTED_SPEAKER_AFTER.test(after)) return true;
  // Inside a quotation the name is quoted, not the one speaking.
  if ((before.match(/["“”]/g)?.length ?? 0) % 2 === 1) return false;
  const verb = SPEAKER_AFTER.exec(after);
  // "held" makes a speaker only in "held X responsible" ("if the army had not held" is no statement).
  if (verb && /\bheld$/i.test(verb[0]) && !/^[^.;,]{1,60}?\bresponsible\b/i.test(after.slice(verb[0].length))) return false;
  // The event cue between the name and the verb means the name acted first ("LNA jets struck X and the LNA said…").
  if (verb && !(cueStart !== undefined && cueStart >= m.end && cueStart < m.end + verb[0].length)) return true;
  return false;
}

/** "The LNA said it struck…", "announced that its drones had targeted…": a speaker who says it acted. */
export const SAYS_IT_ACTED = new RegExp(
  String.raw`^(?:['’]s)?[^.;]*?\b(?:said|says|announced|stated|confirmed|claimed|admitted|acknowledged)\b(?:\s+(?:that|on \w+|in a statement|late on \w+|earlier))*,?\s+(?:it|its|they|their)\b[^.;]*$`,
  'i',
);
