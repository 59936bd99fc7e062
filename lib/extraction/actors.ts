import { actors as kbActors, getEntity } from '../kb';
import { aliasText } from '../recognition/aliases';
import type { TextMatch } from '../recognition/types';
import { ARMED_PEOPLE, clauseBefore, DEMONSTRATION_FORCE_CUES, locateEvent, type EventLocus, type Sentence } from './event-type';
import type { EventActor } from './types';
import { actorOf, CIVILIANS, GENERIC_ACTORS, MIGRANTS, PROTESTERS, resolveActorEntry, RIOTERS, UNIDENTIFIED_ARMED_GROUP, UNIDENTIFIED_MILITARY, type GenericKind } from './acled-actors';

export * from './acled-actors';

/**
 * Who did what to whom in one clipped paragraph, the way an ACLED coder reads it: actor1 is the one who
 * acted (the subject of the event verb, or the agent of a passive "by X"), actor2 the target, and the
 * associated actors are allies named in the same role. Only the event sentence (see event-type.ts) is
 * read for roles; speakers of statements ("the GNA said") are left out unless they say they acted
 * ("the LNA said it struck"). Names come from the knowledge base; people are coded as the force they
 * lead ("Haftar" → the LNA) because ACLED codes organisations, not individuals.
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
const SPEECH_VERB =
  String.raw`(?:said|says|say|told|tells|stated|states|announced|announces|reported|reports|claimed|claims|confirmed|confirms|alleged|alleges|accused|accuses|blamed|blames|denied|denies|insisted|warned|condemned|condemns|rejected|dismissed|noted|added|acknowledged|admitted|tweeted|wrote|posted|held|attributed|maintained|argued|called|urged|demanded|welcomed|explained|described|pointed|expressed|voiced|took responsibility|accepted responsibility)`;
const SPEAKER_AFTER = new RegExp(String.raw`^(?:['’]s)?(?:\s+[\w'’.()-]+){0,4}?\s*,?\s+(?:has\s+|have\s+|had\s+)?${SPEECH_VERB}\b`, 'i');
const ACCORDING_TO = /\baccording to\s+(?:[\w'’.-]+\s+){0,5}$/i;
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
const SAYS_IT_ACTED = new RegExp(
  String.raw`^(?:['’]s)?[^.;]*?\b(?:said|says|announced|stated|confirmed|claimed|admitted|acknowledged)\b(?:\s+(?:that|on \w+|in a statement|late on \w+|earlier))*,?\s+(?:it|its|they|their)\b[^.;]*$`,
  'i',
);

// ───────────────────────────── roles ─────────────────────────────

export interface ActorRoles {
  actor1?: EventActor;
  actor2?: EventActor;
  assocActors1: EventActor[];
  assocActors2: EventActor[];
}

/** Words joining allies in one role ("LNA and Wagner fighters", "GNA forces, backed by Turkish drones"). */
const ALLY_GAP =
  /^(?:['’]s)?(?:[\s-]+(?:forces|troops|fighters|units|militias|militiamen|brigades|mercenaries|soldiers|jets|drones|warplanes|aircraft))?(?:[\s,]*(?:and|&|as well as|alongside|along with|together with|joined by|with the support of|with support from|backed by|supported by|aided by|assisted by|plus)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?|\s*,\s*)$/i;
/**
 * Where the event's own clause ends: a subordinate clause after it is another event ("…bombed Derna,
 * after 21 Egyptians were beheaded by IS"). Commas do not end it ("struck Mitiga, killing two civilians").
 */
const SUBORDINATE =
  /\b(?:after|before|when|while|because|since|although|though|until|amid|whereas|following|in response to|in retaliation for|days? after|hours? after|rejecting|accusing|blaming|denying|saying|adding|claiming)\b|,\s*(?:which|who|whose)\b/i;
/** Joins that are only allies, never opponents (for "X and Y clashed" the plain "and" means opponents). */
const SUPPORT_GAP = /\b(?:alongside|along with|together with|joined by|with the support of|with support from|backed by|supported by|aided by|assisted by)\b/i;
/** "by" that introduces a supporter or a mediator, not the doer. */
const NOT_AGENT_BY = /\b(?:backed|supported|led|brokered|mediated|commanded|hosted|sponsored|followed|accompanied|aided|assisted|caused|organi[sz]ed|signed|called|condemned|denied|claimed|owned|run|controlled)\s+by\s+$/i;
/** Mediators and hosts of an agreement are not parties to it. */
const MEDIATOR_BEFORE =
  /\b(?:brokered by|mediated by|hosted by|sponsored by|facilitated by|under the auspices of|in the presence of|with the participation of|organi[sz]ed by|backed by the|talks in|meeting in|conference in)\s+(?:the\s+)?$/i;
/**
 * A relative clause about the actor is not the actor ("the LNA, which is backed by Russia, …"); "that"
 * after a speech verb opens the reported clause instead ("the GNA said that LNA drones struck…").
 */
const RELATIVE_BEFORE =
  /\b(?:which|who|whose)\b[^,;]*$|(?<!\b(?:said|says|say|stated|announced|reported|claimed|confirmed|alleged|added|insisted|warned|believes?|believed|noted|so|such|now)(?:\s+on\s+\w+|\s+in\s+a\s+statement)?\s)\bthat\b[^,;]*$/i;
/** Words before a name that make it the place or aim of something, not the doer. */
const NOT_SUBJECT_BEFORE = /\b(?:in|at|on|against|near|to|from|for|over|after|since|of|towards|toward|into|targeting|denouncing|demanding|protesting|told|tells|telling)\s+(?:the\s+)?$/i;
/** "of/to" that still leave a name as the doer: "forces loyal to Haftar", "fighters of the LNA". */
const SUBJECT_LINK_BEFORE = /\b(?:(?:fighters|forces|brigades|units|militias|men|troops) from|(?:hundreds|dozens|thousands|scores|some|several|a group|a convoy|a contingent|a unit|a number|members) of|loyal to|aligned (?:with|to)|allied (?:with|to)|affiliated (?:with|to)|belonging to|forces of|fighters of|troops of|members of|units of|militias of|drones of|jets of)\s+(?:the\s+)?$/i;

/** Is this mention a force (can disperse protesters, be the target of a battle)? */
const isForce = (a: EventActor) => a.inter === 1 || a.inter === 2 || a.inter === 3 || a.inter === 4 || a.inter === 8;
const same = (a?: EventActor, b?: EventActor) => !!a && !!b && (a.entityId ? a.entityId === b.entityId : a.name === b.name);

/**
 * ACLED actors of the paragraph's event: actor1 the doer, actor2 the target, with allies as associated
 * actors. `matches` are the knowledge-base matches of `text` (getMatcher().find(text)).
 */
export function pickActors(text: string, matches: readonly TextMatch[], locus: EventLocus = locateEvent(text)): ActorRoles {
  const { mentions } = actorMentions(text, matches);
  const roles: ActorRoles = { assocActors1: [], assocActors2: [] };
  const sentence = locus.sentence;
  if (!sentence) return roles;
  const cueStart = locus.cueStart ?? sentence.start;
  const cueEnd = locus.cueEnd ?? cueStart;
  const kind = locus.kind;
  const sub = locus.event.subEventType;

  const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end && !m.modifier);
  const speakers = new Set(inSentence.filter((m) => isSpeaker(text, sentence, m, cueStart)));
  const firstSpeaker = [...speakers][0];
  for (const s of speakers) {
    // A speaker who says it acted is the doer.
    if (s.end <= cueStart && SAYS_IT_ACTED.test(text.slice(s.end, cueStart))) speakers.delete(s);
    // In a statement event the speaker is the one acting.
    else if (kind === 'other' || kind === undefined) speakers.delete(s);
  }
  const candidates = inSentence.filter(
    (m) =>
      !speakers.has(m) &&
      !MEDIATOR_BEFORE.test(text.slice(sentence.start, m.start)) &&
      !(RELATIVE_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 60), m.start)) && m.end <= cueStart),
  );

  // The point that separates subject from object: the cue, or its verb when the cue starts with the aircraft.
  let pivot = cueStart;
  const cueText = text.slice(cueStart, cueEnd);
  // ("attacking Libya with fighter jets" starts with its verb.)
  if (kind === 'air' && !/^(?:air|aerial|drone (?:strike|attack)|bomb|helicopter gunship)/i.test(cueText) && !/\swith\s/i.test(cueText)) {
    const verb = /\S+$/.exec(cueText);
    if (verb) pivot = cueStart + verb.index;
  }

  let agent: ActorMention | undefined;
  let agentAllies: ActorMention[] = [];
  let target: ActorMention | undefined;
  let targetAllies: ActorMention[] = [];
  const used = new Set<ActorMention>();

  // "clashes between X and Y", "an agreement between X and Y".
  const between = /\bbetween\s+/i.exec(sentence.text);
  if (between && (kind === 'clash' || kind === 'agreement' || kind === 'attack' || kind === 'territory')) {
    const at = sentence.start + between.index + between[0].length;
    const [first, second] = candidates.filter((m) => m.start >= at);
    if (first && second && /^\s*(?:and|&)\s/i.test(text.slice(first.end, second.start) + ' ')) {
      agent = first;
      target = second;
      used.add(first).add(second);
    }
  }

  // The event clause after the verb: where its agent ("by X") and its target are named. It ends at a
  // subordinate clause, a relative or participle clause about something else, or a speaker ("…, the GNA said").
  const tail = SUBORDINATE.exec(text.slice(cueEnd, sentence.end));
  const speakerAfter = [...speakers].filter((m) => m.start >= cueEnd).map((m) => m.start)[0];
  const clauseEnd = Math.min(tail ? cueEnd + tail.index : sentence.end, speakerAfter ?? sentence.end);

  // Passive or nominal agent: "struck by LNA warplanes", "air strikes by (or from) Turkish drones", "fell to the LNA".
  if (!agent && kind !== 'other') {
    const afterPivot = text.slice(pivot, clauseEnd);
    const agentWord = kind === 'air' || kind === 'shelling' ? /\b(?:by|from|fell to)\s+/gi : /\b(?:by|fell to)\s+/gi;
    for (const by of afterPivot.matchAll(agentWord)) {
      const at = pivot + by.index + by[0].length;
      if (NOT_AGENT_BY.test(text.slice(sentence.start, at))) continue;
      // The agent follows at once, after at most a determiner and two modifiers ("by forces loyal to", "by the Turkish-backed").
      const m = candidates.find((c) => c.start >= at && /^(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?$/i.test(text.slice(at, c.start)) && !/\b(?:would|will|was|were|is|are|has|have|had|said)\b/i.test(text.slice(at, c.start)));
      if (m) {
        agent = m;
        used.add(m);
        agentAllies = allies(text, m, candidates.filter((c) => c.start > m.start), used);
      }
      // Only the first "by" of the clause can introduce the doer.
      break;
    }
  }

  // "the airstrike that the Egyptian Air Force flew on Derna": the doer in a relative clause after a noun cue.
  if (!agent) {
    const relative = candidates.find(
      (m) =>
        m.start >= cueEnd &&
        m.start < clauseEnd &&
        /^\s*(?:that|which)\s+(?:the\s+)?$/i.test(text.slice(cueEnd, m.start)) &&
        /^\s+(?:had\s+|has\s+)?(?:flew|flown|carried out|launched|conducted|fired|dropped|staged|mounted|claimed)\b/i.test(text.slice(m.end)),
    );
    if (relative) {
      agent = relative;
      used.add(relative);
    }
  }

  // "to support Haftar's forces", "on behalf of the GNA": the side the doer helps, an ally and never the target.
  const supported = candidates.filter((m) => m.start >= cueEnd && m.start < clauseEnd && !used.has(m) && SUPPORTED_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 60), m.start)));
  for (const m of supported) used.add(m);
  const before = candidates.filter((m) => m.start < pivot && !used.has(m));
  // A statement's object is in its own clause ("has rejected the plan, and says it will appeal to the Security Council").
  const objectEnd = kind === 'other' ? Math.min(clauseEnd, cueEnd + (/[,;:]|$/.exec(text.slice(cueEnd, clauseEnd))!.index)) : clauseEnd;
  let afterPivotMentions = candidates.filter((m) => m.start >= pivot && m.start < objectEnd && !used.has(m));
  // A battle or a deal whose parties are only named in a later clause ("Fighting erupted after Rada arrested…").
  if ((kind === 'clash' || kind === 'agreement') && !afterPivotMentions.length) {
    afterPivotMentions = candidates.filter((m) => m.start >= pivot && !used.has(m));
  }

  if (!agent) {
    // The subject: the first doer-like name of the cue's own clause, else of the sentence before the cue.
    const clauseFrom = pivot - clauseBefore(text.slice(sentence.start, pivot), pivot - sentence.start).length;
    const subjectLike = before.filter((m) => {
      const lead = text.slice(sentence.start, m.start);
      return !NOT_SUBJECT_BEFORE.test(lead) || SUBJECT_LINK_BEFORE.test(lead);
    });
    // A statement's actor is the subject of its own clause: never a name from a quote or from another clause,
    // nor a civilian (a witness speaking is not an actor).
    const witness = (m: ActorMention) => !!m.generic && (m.actor.inter === 7 || m.actor.inter === 6);
    // The sentence's subject, when the cue's clause has none of its own: at most four words in, none of them a
    // verb, outside any quotation, and joined to the cue by an apposition ("Sea Watch, a rescue group, said") or
    // a coordinated verb ("The NOC has kept its backing, and says…"). "IS attacks have increased, a research
    // group said" has its own subject: the group.
    const subjectPosition = (m: ActorMention) => {
      const lead = text.slice(sentence.start, m.start);
      const words = lead.trim().split(/\s+/).filter(Boolean);
      const gap = text.slice(m.end, pivot);
      return (
        (lead.match(/["“”]/g)?.length ?? 0) % 2 === 0 &&
        words.length <= 4 &&
        !words.some((w) => /^(?:[a-z]+ed|said|says|told|tells|met|calls|accuses|blames|names)$/.test(w)) &&
        (/^(?:['’]s)?(?:\s+[\w'’.-]+){0,3}\s*,[^,.;"“”]{1,80},\s*$/.test(gap) || /^[^.;"“”]{0,80},\s*(?:and|but)\s+(?:also\s+)?$/.test(gap))
      );
    };
    const head =
      kind === 'other'
        ? (subjectLike.find((m) => m.start >= clauseFrom && !witness(m)) ?? subjectLike.find((m) => subjectPosition(m) && !witness(m)))
        : (subjectLike.find((m) => m.start >= clauseFrom) ?? subjectLike[0]);
    if (head) {
      agent = head;
      used.add(head);
      agentAllies = allies(text, head, before.filter((m) => m.start > head.start), used);
    }
  } else if (before.length) {
    // With a "by" agent the subject before the verb is what was hit ("Mitiga was struck by LNA jets").
    const hit = before.find((m) => !used.has(m));
    if (hit && !target) {
      target = hit;
      used.add(hit);
    }
  }

  // Opponents as a joint subject: "GNA and LNA forces clashed", "the GNA and the LNA agreed a ceasefire".
  const withPartner = /^\s*[^.;]{0,40}?\bwith\s+(?:the\s+)?$/i;
  if (!target && (kind === 'clash' || kind === 'agreement')) {
    const partner = afterPivotMentions.find((m) => withPartner.test(text.slice(cueEnd, m.start)) || withPartner.test(text.slice(pivot, m.start)));
    if (partner) {
      target = partner;
      used.add(partner);
      targetAllies = allies(text, partner, afterPivotMentions.filter((c) => c.start > partner.start), used);
    } else {
      const opponent = agentAllies.find((a) => !SUPPORT_GAP.test(text.slice(agent!.end, a.start)));
      if (opponent && !afterPivotMentions.some((m) => !used.has(m))) {
        target = opponent;
        agentAllies = agentAllies.filter((a) => a !== opponent);
      }
    }
  }

  // The object: the first name after the verb ("struck GNA positions", "on Wagner mercenaries", "from IS").
  // What a speech verb governs is what was said, not a target ("the official said the United States could…").
  // Civilians named after armed people are not the target ("killed a militant linked to attacks on tourists").
  if (!target && !(kind === 'other' && SPEECH_CUE.test(cueText))) {
    const object = afterPivotMentions.find((m) => !used.has(m) && !notVictims(text, m, cueEnd));
    if (object) {
      target = object;
      used.add(object);
      targetAllies = allies(text, object, afterPivotMentions.filter((c) => c.start > object.start), used);
    }
  }

  // Participants named only after the cue ("Fighting erupted after members of Rada arrested a 444 Brigade commander").
  if (!agent && target && (kind === 'clash' || kind === 'agreement')) {
    const next = afterPivotMentions.find((m) => !used.has(m) && m.start > target!.start);
    if (next) {
      agent = target;
      target = next;
      used.add(next);
      targetAllies = [];
    }
  }

  // A civilian who speaks ("the mayor of Sabratha, Hussein al-Thwadi, told Reuters the planes struck") is a witness.
  if (agent && isCivilianGeneric(agent) && SPEECH_BETWEEN.test(text.slice(agent.end, pivot))) agent = undefined;

  roles.actor1 = agent?.actor;
  roles.actor2 = target?.actor;
  roles.assocActors1 = [...agentAllies, ...(agent ? supported : [])].map((m) => m.actor);
  roles.assocActors2 = targetAllies.map((m) => m.actor);
  if (agent?.qualifier) roles.assocActors1.unshift(agent.qualifier);
  if (target?.qualifier) roles.assocActors2.unshift(target.qualifier);

  // A statement: its speaker is the one acting ("…, said a spokesman for the NOC").
  if (kind === 'other' && firstSpeaker && agent !== firstSpeaker) {
    if (target === firstSpeaker) roles.actor2 = agent?.actor;
    roles.actor1 = firstSpeaker.actor;
    roles.assocActors1 = [];
  }

  applyConventions(text, sentence, roles, mentions, candidates.filter((m) => m.start < clauseEnd), kind, sub, { pivot, cueEnd });
  return tidy(roles);
}

const isCivilianGeneric = (m: ActorMention) => m.generic === 'civilians' || m.generic === 'migrants';
/** Statement cues whose object is what was said. */
const SPEECH_CUE = /^(?:said|says|stated|announced|warned|declared|claimed|pledged|vowed|statement|urged|called for|demanded|threatened)$/i;
const SPEECH_BETWEEN = new RegExp(String.raw`\b${SPEECH_VERB}\b`, 'i');
/** Before a side that is helped, not hit. */
const SUPPORTED_BEFORE =
  /\b(?:to support|in support of|supporting|to back|in backing of|to help|to aid|in aid of|on behalf of|to assist|to reinforce|to protect|alongside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$/i;
/** Words before civilians that describe a place, not victims ("a district home to many foreigners"). */
const NOT_VICTIMS_BEFORE = /\b(?:home to|popular with|frequented by|hosting|visited by|known for)\s+(?:[\w-]+\s+){0,2}$/i;
/**
 * Civilians named after the cue who are not its victims: they describe a place ("home to many foreigners"),
 * or qualify armed people named first ("killed a Tunisian militant linked to attacks on tourists").
 */
function notVictims(text: string, m: ActorMention, cueEnd: number): boolean {
  if (!isCivilianGeneric(m)) return false;
  if (NOT_VICTIMS_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) return true;
  return m.start >= cueEnd && ARMED_PEOPLE.test(text.slice(cueEnd, m.start));
}

/** The allies of `head` among the mentions after it, joined by and/alongside/backed by. */
function allies(text: string, head: ActorMention, rest: ActorMention[], used: Set<ActorMention>): ActorMention[] {
  const out: ActorMention[] = [];
  let last = head;
  for (const m of rest) {
    if (used.has(m)) continue;
    if (!ALLY_GAP.test(text.slice(last.end, m.start))) break;
    // Civilians are not allies of an armed force ("killing three soldiers and two civilians").
    if ((m.actor.inter === 7) !== (head.actor.inter === 7)) break;
    out.push(m);
    used.add(m);
    last = m;
  }
  return out;
}

/** ACLED's conventions on top of the reading: protests, civilians as targets, unnamed attackers, claims. */
function applyConventions(
  text: string,
  sentence: Sentence,
  roles: ActorRoles,
  mentions: ActorMention[],
  candidates: ActorMention[],
  kind: EventLocus['kind'],
  sub: string,
  at: { pivot: number; cueEnd: number },
): void {
  if (kind === 'demonstration') {
    const crowd = candidates.find((m) => m.generic === 'protesters' || m.generic === 'rioters');
    const crowdActor = sub === 'Violent demonstration' || sub === 'Mob violence' ? RIOTERS : PROTESTERS;
    const crowdAssoc = crowd?.qualifier ? [crowd.qualifier] : [];
    // The force that intervened: the armed name nearest to "dispersed", "opened fire on", "tear gas".
    const forceAt = DEMONSTRATION_FORCE_CUES.exec(sentence.text);
    const forces = candidates.filter((m) => m !== crowd && isForce(m.actor) && !/\b(?:against|denounc\w*|demanding|protest\w*|in support of|supporting|over|calling for)\s+(?:the\s+)?$/i.test(text.slice(sentence.start, m.start)));
    const anchor = sentence.start + (forceAt?.index ?? 0);
    // No force named as acting on the crowd (dispersed, fired, clashed with): the crowd's target is not an actor.
    const force = forceAt || /\bclash(?:es|ed)? with\b/i.test(sentence.text)
      ? forces.sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor))[0]
      : undefined;
    if (sub === 'Excessive force against protesters') {
      roles.actor1 = force?.actor;
      roles.assocActors1 = [];
      roles.actor2 = PROTESTERS;
      roles.assocActors2 = crowdAssoc;
    } else {
      roles.actor1 = crowdActor;
      roles.assocActors1 = crowdAssoc;
      roles.actor2 = sub === 'Peaceful protest' ? undefined : force?.actor;
      roles.assocActors2 = [];
    }
    return;
  }

  // Violence against civilians: the target is civilians (ACLED puts them in actor2).
  // Victims: civilians in the event clause, not ones that describe a place, nor ones named after armed people
  // (then they qualify the fighters: "a militant linked to attacks on tourists").
  const civilianVictims = candidates.find((m) => isCivilianGeneric(m) && !notVictims(text, m, at.cueEnd));
  const victimsAreFighters = ARMED_PEOPLE.test(sentence.text) || /\bmembers\b/i.test(sentence.text);
  // Before the verb, civilians are victims only as the subject of a passive ("three civilians were killed when…").
  const strikeVictims =
    civilianVictims && (civilianVictims.start >= at.pivot || /^\s*(?:[\w'’-]+\s+){0,3}?(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|hit|struck)\b/i.test(text.slice(civilianVictims.end)))
      ? civilianVictims
      : undefined;
  if (sub === 'Attack' || sub === 'Abduction/forced disappearance' || sub === 'Sexual violence') {
    if (!roles.actor2 || roles.actor2.inter === 0) {
      roles.actor2 = civilianVictims?.actor ?? CIVILIANS;
      roles.assocActors2 = civilianVictims?.qualifier ? [civilianVictims.qualifier] : [];
    }
  } else if (!roles.actor2 && strikeVictims && !victimsAreFighters && kind !== 'agreement' && kind !== 'other') {
    // Strikes and shelling that killed or hit civilians with no armed target named.
    roles.actor2 = strikeVictims.actor;
    roles.assocActors2 = strikeVictims.qualifier ? [strikeVictims.qualifier] : [];
  }
  if (roles.actor1 && (roles.actor1.inter === 7 || roles.actor1.inter === 6) && kind !== 'other') {
    // Civilians do not carry out strikes: a civilian noun before the verb is the victim ("residents were killed").
    roles.actor2 ??= roles.actor1;
    roles.actor1 = undefined;
  }

  // Nobody named as the doer: a claim of responsibility names them ("IS claimed responsibility").
  if (!roles.actor1) {
    const claimant = mentions.find(
      (m) => !m.generic && /^(?:['’]s)?(?:\s+[\w'’.-]+){0,3}?\s+(?:claimed|has claimed|took|accepted) responsibility\b/i.test(text.slice(m.end, m.end + 80)),
    );
    if (claimant) roles.actor1 = claimant.actor;
  }
  // ACLED never leaves actor1 empty for these: aircraft are flown by some state's military; abductors are an armed group.
  if (!roles.actor1 && kind === 'air') roles.actor1 = UNIDENTIFIED_MILITARY;
  if (!roles.actor1 && (sub === 'Attack' || sub === 'Abduction/forced disappearance' || sub === 'Sexual violence') && roles.actor2?.inter === 7) {
    roles.actor1 = UNIDENTIFIED_ARMED_GROUP;
  }
}

/** No actor twice: the same entity as actor1 and actor2 ("Haftar's forces … the LNA") is one actor. */
function tidy(roles: ActorRoles): ActorRoles {
  if (same(roles.actor1, roles.actor2)) roles.actor2 = undefined;
  const seen: EventActor[] = [];
  const keep = (a: EventActor) => {
    if ([roles.actor1, roles.actor2, ...seen].some((b) => same(a, b))) return false;
    seen.push(a);
    return true;
  };
  roles.assocActors1 = roles.assocActors1.filter(keep);
  roles.assocActors2 = roles.assocActors2.filter(keep);
  const out: ActorRoles = { assocActors1: roles.assocActors1, assocActors2: roles.assocActors2 };
  if (roles.actor1) out.actor1 = roles.actor1;
  if (roles.actor2) out.actor2 = roles.actor2;
  return out;
}
