import type { TextMatch } from '../recognition/types';
import { actorMentions, isSpeaker, type ActorMention } from './actor-mentions';
import { pickActors } from './actors';
import { locateEvent, type EventLocus } from './event-type';
import { clauseBefore, type Sentence } from './sentences';
import type { Attribution, AttributionStatement, EventActor, Party, Stance } from './types';

/**
 * Who is said to have done it, graded the way Airwars grades strikes: whether the text names the
 * perpetrator or calls it unidentified, and every statement about responsibility with who made it (`by`)
 * and who it says acted (`about`):
 *  - claimed: a party accepts responsibility ("claimed responsibility", "said it carried out", "admitted");
 *  - alleged: a party says another did it ("according to X, … by Y", "X accused Y", "X blamed Y",
 *    "X said the strike was carried out by Y", "X said Y's drones struck"), or the text hedges ("reportedly");
 *  - denied: a party rejects it ("denied", "rejected claims", "said it was not involved").
 * Parties are knowledge-base actors where the text names one (people resolved to the force they lead,
 * "Haftar's forces" → the LNA), else the words as written ("an intelligence source", "a neighbouring country").
 * Status: claimed when one belligerent accepted responsibility (and no other party claims or denies it);
 * contested for competing claims, a claim and another party's denial, allegations against different
 * parties, or an allegation met by a denial; alleged or denied when only those were made; else unknown.
 */

/** The text itself calls the attacker unidentified (Airwars: belligerent unknown). */
const UNIDENTIFIED =
  /\b(?:unidentified|unknown|unnamed|unmarked|anonymous)\s+(?:[\w-]+\s+){0,2}?(?:gunmen|assailants|attackers|aircraft|jets|planes|warplanes|drones?|armed men|armed group|group|perpetrators|militants|men|helicopters?|forces)\b|\b(?:perpetrators?|attackers?|assailants?|gunmen)\s+(?:were|was|have|has|remain(?:ed|s)?)\s+(?:not\s+(?:yet\s+)?(?:been\s+)?identified|unknown|unidentified)\b/i;

/** Accepting responsibility. The subject of the cue is the claimant. */
const CLAIM_CUES: readonly RegExp[] = [
  /\b(?:claimed (?:responsibility|credit)|claimed (?:the |an? )?(?:attack|strikes?|bombing|killing|operation|assault|raid)|(?:took|accepted|admitted|assumed) responsibility|admitted (?:to )?(?:carrying out|conducting|launching|the (?:strike|attack|raid))|acknowledged (?:carrying out|conducting|the (?:strike|attack)))\b/gi,
  /\b(?:said|says|announced|stated|confirmed|acknowledged|admitted)\b(?:\s+(?:that|on \w+|in a statement|late on \w+|earlier))*,?\s+(?:it|its\s+(?:[\w-]+\s+){0,2}?|they|their\s+(?:[\w-]+\s+){0,2}?)(?:had\s+|have\s+|has\s+)?(?:carried out|conducted|launched|targeted|struck|hit|destroyed|bombed|shelled|attacked|killed|downed|shot down)\b/gi,
];
/** Rejecting responsibility. The subject of the cue denies its own involvement. */
const DENIAL_CUES: readonly RegExp[] = [
  /\b(?:denied (?:reports |claims )?that|denied (?:any |all )?(?:involvement|responsibility|carrying out|conducting|launching|having|that it|it had|it was|the (?:claims?|accusations?|allegations?|reports?)|targeting|striking|bombing|being behind|any role|a role)|(?:rejected|dismissed|refuted) (?:the |these |such )?(?:claims?|accusations?|allegations?|reports?)|had nothing to do with|(?:was|were) not (?:involved|responsible|behind)|(?:said|insisted) (?:that )?(?:it|they) (?:was|were|had) not (?:involved|responsible|behind|carried|conducted|taken part))\b/gi,
];
/** An allegation against a named party: the speaker is before the cue, the accused right after it. */
const ACCUSE_CUES: readonly RegExp[] = [/\b(?:accused|accuses|accusing|blamed|blames|blaming|held|holds|pointed the finger at|attributed the (?:strike|attack|attacks|strikes|bombing|raid|shelling) to)\s+/gi];
/**
 * An accusation whose charge is a political failure ("blamed Cameron for Libya's descent into chaos",
 * "accused the government of corruption"), with no violent act in it: criticism, not attribution.
 */
const POLITICAL_BLAME = new RegExp(
  String.raw`^[^.;]{0,60}?\b(?:for|of)\s+(?!(?:[^.;,]*?)\b(?:strikes?|airstrikes?|attacks?|bombings?|bombed|shelling|shelled|killings?|killed|killing|deaths?|massacres?|assassinations?|abductions?|kidnappings?|raids?|explosions?|blasts?|shootings?|fire|firing|violence|carrying out|launching|targeting|striking|ambush|executions?)\b)(?=[^.;,]*?\b(?:chaos|descent|failures?|failing|crisis|crises|collapse|mess|turmoil|instability|deterioration|situation|economy|economic|corruption|delays?|deadlock|stalemate|impasse|divisions?|polic(?:y|ies)|mismanagement|neglect|inaction|shortages?|outages?|blackouts?|problems?|woes|troubles|decline|downfall|ruin|state of)\b)`,
  'i',
);
/** "X said the strike was carried out by Y" ("X said Y was behind it" is read with REPORTED_ACTION below). */
const SAID_BY = /\b(?:said|says|stated|reported|told [\w\s]{1,30}?|added|alleged|claimed|insisted)\b(?:\s+(?:that|on \w+))*,?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|raids?|bombing|shelling|assault|killing|abduction)\s+(?:was|were|had been|has been)\s+(?:carried out|conducted|launched|perpetrated|committed)\s+by\s+/gi;
/** "according to X" (the speaker runs to the next comma, or to "by"). */
const ACCORDING_TO = /\baccording to\s+/gi;
/** "by jets belonging to Y", "by forces loyal to Y", "by Y": whom an allegation is about. */
const BY_WHOM =
  /^\s*,?\s*by\s+(?:(?:[\w'’-]+\s+){0,3}?(?:jets|aircraft|planes|warplanes|drones|forces|fighters|troops|gunmen|militias|units|helicopters)\s+)?(?:belonging to|of|from|operated by|loyal to|flown by|linked to)?\s*([^,.;]+)/i;
/** Hedges with no speaker: "drones reportedly belonging to the UAE", "suspected Emirati jets". */
const HEDGE_CUES: readonly RegExp[] = [/\b(?:reportedly|allegedly|suspected(?! of)|believed to (?:be|have been|belong to)|thought to be|said to (?:be|belong to|have been))\b/gi];
/** After a speaker: a name that acted, in the reported clause ("the GNA said LNA drones struck"). */
const REPORTED_ACTION =
  /^(?:['’]s)?\s*(?:[\w-]+\s+){0,2}?(?:had\s+|have\s+|has\s+)?(?:carried out|conducted|launched|struck|bombed|shelled|attacked|targeted|fired|hit|killed|abducted|kidnapped|captured|(?:was|were) (?:behind|responsible))\b/i;
const SAY_VERB = /\b(?:said|says|stated|reported|told|added|alleged|announced|insisted|confirmed)\b/gi;
/** Where the speaker's clause starts: after the last comma or speech verb ("The GNA said the LNA claimed…"). */
const SUBJECT_START = /[,;:()"“”—–]|\b(?:said|says|that|while|but|after|as|when|which|who)\b/gi;

const partyKey = (p?: Party) => (p ? (p.entityId ?? p.name.toLowerCase()) : '');

function party(actor: EventActor, words?: string): Party {
  // Unnamed actors ("residents", "gunmen") keep the text's own words; named ones the knowledge base's name.
  if (!actor.entityId && words) return { name: words };
  return actor.entityId ? { name: actor.name, entityId: actor.entityId } : { name: actor.name };
}

/** The parties named in [start, end): KB actors first (each once), else the words as written. */
function partiesIn(text: string, mentions: readonly ActorMention[], start: number, end: number): Party[] {
  const inside = mentions.filter((m) => m.start >= start && m.end <= end && !m.modifier);
  const named = inside.filter((m) => m.actor.entityId);
  const out: Party[] = [];
  for (const m of named.length ? named : inside.slice(0, 1)) {
    const p = party(m.actor, text.slice(m.start, m.end));
    if (!out.some((o) => partyKey(o) === partyKey(p))) out.push(p);
  }
  if (out.length) return out;
  const words = text
    .slice(start, end)
    .replace(/^[\s,;:]+|[\s,;:.]+$/g, '')
    .replace(/^(?:and|but|while|however|meanwhile|later|also|then|although|though|as|since|because|if|when|on \w+day)\s+/i, '');
  if (!words || words.split(/\s+/).length > 8 || /^(?:it|they|he|she|its|their)$/i.test(words)) return [];
  return [{ name: words }];
}

/** The subject of a cue at `at`: the speaker's words from the start of its clause up to the cue. */
function subjectParties(text: string, sentence: Sentence, mentions: readonly ActorMention[], at: number): Party[] {
  const head = text.slice(sentence.start, at);
  let from = 0;
  for (const m of head.matchAll(SUBJECT_START)) from = m.index + m[0].length;
  const start = sentence.start + from;
  const own = partiesIn(text, mentions, start, at);
  if (own.length) return own;
  // "…, according to the GNA, which blamed…" / "…, the GNA said, accusing…": the subject is the name before.
  if (/^[\s,]*(?:which|who|that)?\s*$/i.test(text.slice(start, at)) || /^\s*$/.test(text.slice(start, at))) {
    const previous = mentions.filter((m) => m.end <= start && m.start >= sentence.start && m.actor.entityId).pop();
    if (previous) return [party(previous.actor)];
  }
  return [];
}

/** The object after a cue: up to "of", "for", "over", a comma or the end of the sentence. */
function objectParties(text: string, sentence: Sentence, mentions: readonly ActorMention[], at: number): Party[] {
  const rest = text.slice(at, sentence.end);
  const stop = /\b(?:of|for|over|as|in|with)\b|[,.;]| responsible\b/.exec(rest);
  return partiesIn(text, mentions, at, at + (stop ? stop.index : rest.length));
}

/** Airwars-style attribution of the paragraph's event. `matches` are the KB matches of `text`. */
export function readAttribution(text: string, matches: readonly TextMatch[], locus: EventLocus = locateEvent(text), actor1?: EventActor): Attribution {
  const { mentions } = actorMentions(text, matches);
  const found: { at: number; statement: AttributionStatement }[] = [];
  const push = (at: number, stance: Stance, by: Party | undefined, about: Party | undefined, cue: string) => {
    if (!by) return;
    const s: AttributionStatement = { stance, by, cue };
    if (about) s.about = about;
    const twice = found.some(({ statement: o }) => o.stance === s.stance && partyKey(o.by) === partyKey(s.by) && partyKey(o.about) === partyKey(s.about));
    if (!twice) found.push({ at, statement: s });
  };

  // The event's doer, for statements that say who acted without naming them again.
  // A statement (Strategic developments/Other) has a speaker, not a perpetrator.
  const doer = locus.kind === 'other' ? undefined : (actor1 ?? pickActors(text, matches, locus).actor1);
  const namedDoer = doer && !/^Unidentified/.test(doer.name) ? party(doer) : undefined;

  for (const sentence of locus.sentences) {
    const s = sentence.text;
    const at = (i: number) => sentence.start + i;

    for (const pattern of CLAIM_CUES) {
      for (const m of s.matchAll(pattern)) {
        // "no group claimed responsibility", "has not claimed": no claim.
        if (/\b(?:no|not|never|nobody|none|yet to)\b[^,;]*$/i.test(clauseBefore(s, m.index))) continue;
        for (const p of subjectParties(text, sentence, mentions, at(m.index))) push(at(m.index), 'claimed', p, p, m[0].replace(/\s+/g, ' '));
      }
    }
    for (const pattern of DENIAL_CUES) {
      for (const m of s.matchAll(pattern)) {
        for (const p of subjectParties(text, sentence, mentions, at(m.index))) push(at(m.index), 'denied', p, p, m[0].split(/\s+/).slice(0, 3).join(' '));
      }
    }
    for (const pattern of ACCUSE_CUES) {
      for (const m of s.matchAll(pattern)) {
        const cue = m[0].trim();
        // "a Tunisian blamed by his native country": passive, the accuser comes after; not read.
        if (/^by\b/i.test(s.slice(m.index + m[0].length))) continue;
        // "held Y responsible" only: "held talks" is not an accusation.
        if (/^hold|^held/i.test(cue) && !/^[^.;,]{1,60}?\bresponsible\b/i.test(s.slice(m.index + m[0].length))) continue;
        // "blaming him for Libya's descent into chaos": political criticism, not the attribution of a violent act.
        if (POLITICAL_BLAME.test(s.slice(m.index + m[0].length))) continue;
        const accused = objectParties(text, sentence, mentions, at(m.index + m[0].length));
        // "blamed the attack on Y": the accused comes after "on".
        const blamedOn = /^the (?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|bombing|raid|shelling|killing)\s+on\s+/i.exec(s.slice(m.index + m[0].length));
        const about = blamedOn ? objectParties(text, sentence, mentions, at(m.index + m[0].length + blamedOn[0].length)) : accused;
        // Two unknown parties ("the report attributed the impacts to…") are not an attribution worth recording.
        const bys = subjectParties(text, sentence, mentions, at(m.index));
        if (!bys.some((b) => b.entityId) && !about.some((a) => a.entityId)) continue;
        for (const by of bys) for (const a of about.length ? about : [undefined]) push(at(m.index), 'alleged', by, a, cue);
      }
    }
    for (const m of s.matchAll(SAID_BY)) {
      const about = objectParties(text, sentence, mentions, at(m.index + m[0].length));
      for (const by of subjectParties(text, sentence, mentions, at(m.index))) for (const a of about) push(at(m.index), 'alleged', by, a, m[0].split(/\s+/)[0]!);
    }
    for (const m of s.matchAll(ACCORDING_TO)) {
      const from = m.index + m[0].length;
      // The speaker runs to a comma or "by" ("according to X, by jets of Y"), except "a statement by the LNA".
      const speakerEnd = /,|\.|;|\s+(?<!(?:statement|report|reports|source|sources|spokesman|spokesperson|officials?|footage|video|images|data)\s+)by\s+|\s+(?:who|which)\b|$/.exec(s.slice(from))!;
      const by = partiesIn(text, mentions, at(from), at(from + speakerEnd.index))[0];
      // Whom it is about: "…, by jets belonging to Y", else the doer named in the same sentence.
      const byWhom = BY_WHOM.exec(s.slice(from + speakerEnd.index));
      let about: Party | undefined;
      if (byWhom) {
        const start = from + speakerEnd.index + byWhom[0].length - byWhom[1]!.length;
        about = partiesIn(text, mentions, at(start), at(start + byWhom[1]!.trimEnd().length))[0];
      }
      if (!about && namedDoer && locus.sentenceIndex === locus.sentences.indexOf(sentence)) about = namedDoer;
      if (about) push(at(m.index), 'alleged', by, about, 'according to');
    }
    // "The GNA said LNA warplanes struck Mitiga": a speaker reporting another party's action.
    for (const v of s.matchAll(SAY_VERB)) {
      const speakers = subjectParties(text, sentence, mentions, at(v.index));
      const speaker = speakers[0];
      if (!speaker?.entityId) continue;
      const reported = mentions.find(
        (m) => m.start > at(v.index) && m.end <= sentence.end && m.actor.entityId && !isSpeaker(text, sentence, m) && REPORTED_ACTION.test(text.slice(m.end, sentence.end)),
      );
      if (reported && reported.actor.entityId !== speaker.entityId && /^[\s\w,'’-]*$/.test(text.slice(at(v.index + v[0].length), reported.start))) {
        push(at(v.index), 'alleged', speaker, party(reported.actor), v[0]);
      }
    }
    // A hedge says who is suspected of the event: a paragraph with no violent event has no perpetrator to hedge on
    // ("fighters are said to be in Ankara's pay").
    for (const pattern of locus.kind === 'other' || locus.kind === undefined ? [] : HEDGE_CUES) {
      for (const m of s.matchAll(pattern)) {
        const start = at(m.index);
        const end = start + m[0].length;
        const near =
          mentions.find((x) => x.actor.entityId && x.start >= end && x.start - end <= 60 && !/[.;,]/.test(text.slice(end, x.start))) ??
          mentions.filter((x) => x.actor.entityId && x.end <= start && start - x.end <= 40 && !/[.;,]/.test(text.slice(x.end, start))).pop();
        // Only a hedge on who acted: "reportedly killing five" says nothing about the doer.
        if (near) push(start, 'alleged', { name: 'reports' }, party(near.actor), m[0]);
      }
    }
  }

  const statements = found.sort((a, b) => a.at - b.at).map((f) => f.statement);
  const perpetrator: Attribution['perpetrator'] = UNIDENTIFIED.test(text) ? 'unidentified' : namedDoer ? 'named' : 'unknown';
  return { perpetrator, statements, status: status(statements) };
}

/** Airwars-style status from the statements (see the module comment). */
export function status(statements: readonly AttributionStatement[]): Attribution['status'] {
  const claimants = new Set(statements.filter((s) => s.stance === 'claimed').map((s) => partyKey(s.by)));
  const deniers = new Set(statements.filter((s) => s.stance === 'denied').map((s) => partyKey(s.by)));
  const accused = new Set(statements.filter((s) => s.stance === 'alleged' && s.about).map((s) => partyKey(s.about)));
  const alleged = statements.some((s) => s.stance === 'alleged');
  if (claimants.size > 1) return 'contested';
  if (claimants.size === 1) return [...deniers].some((d) => !claimants.has(d)) ? 'contested' : 'claimed';
  if (accused.size > 1) return 'contested';
  if (alleged && deniers.size) return 'contested';
  if (alleged) return 'alleged';
  if (deniers.size) return 'denied';
  return 'unknown';
}
