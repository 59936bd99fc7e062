import type { DisorderType, EventClass, EventType, SubEventType } from './types';
import { clauseBefore, IN_OTHER_THEATRE, isAggregate, isAsserted, REFERENCE_BEFORE, type Sentence, SENTENCE_IN_OTHER_THEATRE, splitSentences } from './sentences';
import { ABDUCTION_CUES, AGREEMENT_CUES, AGREEMENT_NOT_NEW_AFTER, AGREEMENT_NOT_NEW_BEFORE, AIR_BATTLE_CUES, AIR_CUES, ARMED_PEOPLE, ARMED_TARGET, ARREST_CUES, ATTACK_CUES, CAPTURED_PEOPLE, CHANGE_CUES, CIVILIAN_TARGET, CLASH_CUES, DISRUPTED_CUES, EXCESSIVE_FORCE_CUES, GRENADE_CUES, HQ_CUES, IED_CUES, INTERVENTION_CUES, LOOTING_CUES, MOB_CUES, NON_VIOLENT_TRANSFER, OTHER_CUES, PLACE_NEXT, PROTEST_CUES, RIOT_CUES, SEXUAL_VIOLENCE_CUES, SHELLING_CUES, STATE_FORCE_WORDS, SUICIDE_CUES, TERRITORY_CUES, TRANSFER_CUES } from './event-cues';

/**
 * ACLED event type of one clipped paragraph, from cue words. Explainable on purpose: every decision
 * comes from a named cue list below, in a fixed order of precedence, and the words that decided it are
 * returned as `cue` for the reader to check.
 *
 * How a paragraph is read:
 *  1. it is split into sentences (the first sentence usually carries the event; later ones give context);
 *  2. in each sentence every cue is tested, and a cue counts only when it is asserted: not negated
 *     ("no clashes"), not future or hypothetical ("warned of air strikes", "could launch"), not background
 *     ("since Gaddafi was killed");
 *  3. the event is the highest-precedence cue of the first sentence that has an event cue; a statement
 *     ("said", "called for") only counts when no sentence reports anything else (Strategic developments/Other).
 */

// ───────────────────────────── rules ─────────────────────────────

export type CueKind =
  | 'suicide'
  | 'air'
  | 'shelling'
  | 'ied'
  | 'grenade'
  | 'territory'
  | 'clash'
  | 'demonstration'
  | 'sexual-violence'
  | 'abduction'
  | 'attack'
  | 'looting'
  | 'agreement'
  | 'arrest'
  | 'hq'
  | 'disrupted'
  | 'transfer'
  | 'change'
  | 'other';

/** In order of precedence: the first kind found in the event sentence decides. */
const RULES: readonly { kind: CueKind; cues: readonly RegExp[] }[] = [
  { kind: 'suicide', cues: SUICIDE_CUES },
  { kind: 'air', cues: AIR_CUES },
  { kind: 'shelling', cues: SHELLING_CUES },
  { kind: 'ied', cues: IED_CUES },
  { kind: 'grenade', cues: GRENADE_CUES },
  // Territory before clashes: "after heavy clashes, the LNA captured Gharyan" is a territory change (ACLED).
  { kind: 'territory', cues: TERRITORY_CUES },
  // Demonstrations before clashes: "protesters clashed with police" is a riot, not a battle.
  { kind: 'demonstration', cues: PROTEST_CUES },
  { kind: 'clash', cues: CLASH_CUES },
  { kind: 'sexual-violence', cues: SEXUAL_VIOLENCE_CUES },
  { kind: 'abduction', cues: ABDUCTION_CUES },
  { kind: 'attack', cues: ATTACK_CUES },
  { kind: 'looting', cues: LOOTING_CUES },
  { kind: 'agreement', cues: AGREEMENT_CUES },
  { kind: 'arrest', cues: ARREST_CUES },
  { kind: 'hq', cues: HQ_CUES },
  { kind: 'disrupted', cues: DISRUPTED_CUES },
  { kind: 'transfer', cues: TRANSFER_CUES },
  { kind: 'change', cues: CHANGE_CUES },
  { kind: 'other', cues: OTHER_CUES },
];

const DISORDER: Record<EventType, DisorderType> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  // ACLED writes "Political violence; Demonstrations" for excessive force and mob violence; the record's
  // DisorderType has no such value, so demonstrations stay Demonstrations.
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

/** ACLED codebook: these two sub-events are coded under both disorder types. */
const BOTH_DISORDERS = new Set<SubEventType>(['Excessive force against protesters', 'Mob violence']);

export function eventClass(eventType: EventType, subEventType: SubEventType, civilianTargeting: boolean, cue?: string): EventClass {
  const disorderType: DisorderType = BOTH_DISORDERS.has(subEventType) ? 'Political violence; Demonstrations' : DISORDER[eventType];
  const out: EventClass = { disorderType, eventType, subEventType, civilianTargeting };
  if (cue !== undefined) out.cue = cue;
  return out;
}

/** Where the event was read: the class, the sentence and the cue's offsets in the paragraph. */
export interface EventLocus {
  event: EventClass;
  kind?: CueKind;
  sentence?: Sentence;
  sentenceIndex?: number;
  cueStart?: number;
  cueEnd?: number;
  sentences: Sentence[];
}

interface Found {
  kind: CueKind;
  rank: number;
  start: number;
  end: number;
  text: string;
}

/** The first asserted cue of the highest precedence in one sentence. */
function bestCue(sentence: string): Found | undefined {
  // A question asserts nothing ("Massacre of the civilian population?", "Why did NATO bomb Libya?").
  if (/\?["”’)\]]*$/.test(sentence.trim())) return undefined;
  // A statistic or a trend: only a statement can be read from it.
  const aggregate = isAggregate(sentence);
  for (let rank = 0; rank < RULES.length; rank++) {
    const rule = RULES[rank]!;
    if (aggregate && rule.kind !== 'other') continue;
    let first: Found | undefined;
    for (const pattern of rule.cues) {
      for (const m of sentence.matchAll(pattern)) {
        const found = { kind: rule.kind, rank, start: m.index, end: m.index + m[0].length, text: m[0] };
        if (!accept(sentence, found)) continue;
        if (!first || found.start < first.start) first = found;
        break;
      }
      // Earlier cue lists of a kind are stronger (an "air strike" over a "bombing"); stop at the first that hits.
      if (first) break;
    }
    if (first) return first;
  }
  return undefined;
}

/** Kind-specific checks on top of the general modality test. */
function accept(sentence: string, f: Found): boolean {
  if (!isAsserted(sentence, f.start, f.end)) return false;
  const before = clauseBefore(sentence, f.start);
  const after = sentence.slice(f.end);
  if (f.kind !== 'other') {
    if (REFERENCE_BEFORE.test(before)) return false;
    // Set in another war: in the cue's clause ("had fought in Afghanistan and Iraq"), or the sentence opens there.
    const clauseAfter = /^[^.;,]*/.exec(after)![0];
    if (IN_OTHER_THEATRE.test(before) || IN_OTHER_THEATRE.test(clauseAfter) || SENTENCE_IN_OTHER_THEATRE.test(sentence)) return false;
  }
  switch (f.kind) {
    case 'agreement':
      return !AGREEMENT_NOT_NEW_BEFORE.test(before) && !AGREEMENT_NOT_NEW_AFTER.test(after);
    case 'territory':
      if (/^captur/i.test(f.text) && CAPTURED_PEOPLE.test(after)) return false;
      // "took over" and "seized X" need a place: a place noun or a name (the cue lists are case-insensitive).
      if (/^(?:took over|occup\w+)$/i.test(f.text)) return PLACE_NEXT.test(after) && !/^\s+(?:[\w'’-]+\s+){0,3}?(?:countries|states|nations|world|continent)\b/i.test(after);
      if (/^seized\s(?!control)/i.test(f.text)) return PLACE_NEXT.test(f.text.replace(/^seized/i, ''));
      return true;
    case 'transfer':
      // "withdrew its forces from direct combat", "handed over suspects": not a place.
      if (/from\s*$/i.test(f.text)) return PLACE_NEXT.test(` ${after}`);
      if (/^handed over\s*$/i.test(f.text)) return PLACE_NEXT.test(` ${after}`);
      return true;
    case 'other':
      // "fighters are said to be in Ankara's pay": a hedge, not a statement.
      return !(/^said$/i.test(f.text) && /^\s+to\b/i.test(after));
    case 'clash':
      // "fighting on the side of the government", "fighting for power and influence": allegiance and rivalry, not a battle.
      return !/^\s+(?:on the side of|for (?:power|influence|survival|supremacy|dominance|recognition|legitimacy|hearts))\b/i.test(after);
    case 'air':
      // An "air campaign" is months of strikes, not one event.
      return !/campaign$/i.test(f.text);
    case 'demonstration':
      // "protest" as a verb of disagreement by officials ("the GNA protested to Ankara") is not a demonstration.
      if (/^protested$/i.test(f.text) || (/^protest$/i.test(f.text) && !/\b(?:a|the|mass|peaceful|street)\s+$/i.test(before))) {
        return /\b(?:streets?|square|outside|in front of|gathered|crowds?|hundreds|dozens|thousands|residents)\b/i.test(sentence);
      }
      return true;
    case 'ied':
      // "defused an IED", "found a landmine": an explosive that did not go off (Disrupted weapons use).
      return !/\b(?:defus\w*|dismantl\w*|clear\w*|remov\w*|found|discovered|seiz\w*|detected|planted)\s+(?:\w+\s+){0,2}$/i.test(before);
    case 'attack':
      // "Gaddafi was killed in 2011": a date years back on a killing is background, not the event.
      if (/^\s*(?:[\w'’-]+\s+){0,3}?in (?:19\d\d|20[01]\d)\b/.test(after)) return false;
      // "41 people had been killed" says who died, not what happened: without "by" it is a toll, not an attack.
      if (/^(?:killed|shot)$/i.test(f.text) && /\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+)?$/i.test(before) && !/^\s+by\b/i.test(after)) return false;
      // "condemned the attack", "the attack raised fears": a reference to an event told elsewhere, unless its target follows.
      // Also "this [attack]" in a quote, and a characterisation: "This was an unprecedented, well-organized attack".
      if (
        /^(?:attack|assault|raid)$/i.test(f.text) &&
        (/\b(?:the|this|that|[\w]+['’]s)\s+[[(“"']?(?:[\w-]+\s+){0,3}[[(“"']?$/i.test(before) || /\b(?:was|is|were|are|been)\s+(?:an?|one)\s+(?:[\w'’-]+,?\s+){0,4}$/i.test(sentence.slice(0, f.start))) &&
        !/^[\])”"']?\s+(?:on|against)\b/i.test(after)
      ) {
        return false;
      }
      return true;
    default:
      return true;
  }
}

/** Finds the event of the paragraph: the sentence, the cue and the class. */
export function locateEvent(text: string): EventLocus {
  const sentences = splitSentences(text);
  let chosen: { found: Found; index: number } | undefined;
  let statement: { found: Found; index: number } | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const found = bestCue(sentences[i]!.text);
    if (!found) continue;
    if (found.kind === 'other') {
      statement ??= { found, index: i };
      continue;
    }
    chosen = { found, index: i };
    break;
  }
  chosen ??= statement;
  if (!chosen) return { event: eventClass('Strategic developments', 'Other', false), sentences };
  const sentence = sentences[chosen.index]!;
  const { found } = chosen;
  return {
    event: classify(sentence.text, found),
    kind: found.kind,
    sentence,
    sentenceIndex: chosen.index,
    cueStart: sentence.start + found.start,
    cueEnd: sentence.start + found.end,
    sentences,
  };
}

/** ACLED event class for a paragraph: see the module comment for how it is read. */
export function classifyEventType(text: string): EventClass {
  return locateEvent(text).event;
}

/** Whether the words after the cue (the target) are civilians rather than fighters. */
function targetsCivilians(sentence: string, found: Found): boolean {
  const after = sentence.slice(found.end);
  // The target: the first clause after the cue ("struck a residential area", "shelling of Abu Salim killed civilians").
  const target = /^[^.;,]*/.exec(after)![0];
  if (CIVILIAN_TARGET.test(target) && !ARMED_TARGET.test(target)) return true;
  // Victims: civilians killed with no fighters among the dead.
  const victims = /\b(?:kill(?:ed|ing)|dead|died|wounded|wounding|injur(?:ed|ing))\b/i.test(sentence);
  // (A single fighter counts: "killing a Tunisian militant linked to attacks on tourists" did not target tourists.)
  return victims && /\b(?:civilians?|residents?|children|women|migrants?|families|worshippers)\b/i.test(after) && !ARMED_PEOPLE.test(after);
}

function classify(sentence: string, found: Found): EventClass {
  const cue = found.text;
  switch (found.kind) {
    case 'suicide':
      return eventClass('Explosions/Remote violence', 'Suicide bomb', targetsCivilians(sentence, found), cue);
    case 'air': {
      for (const pattern of AIR_BATTLE_CUES) {
        const m = new RegExp(pattern.source, pattern.flags).exec(sentence);
        if (m && isAsserted(sentence, m.index, m.index + m[0].length)) return eventClass('Battles', 'Armed clash', false, `${cue} … ${m[0]}`);
      }
      return eventClass('Explosions/Remote violence', 'Air/drone strike', targetsCivilians(sentence, found), cue);
    }
    case 'shelling':
      return eventClass('Explosions/Remote violence', 'Shelling/artillery/missile attack', targetsCivilians(sentence, found), cue);
    case 'ied':
      return eventClass('Explosions/Remote violence', 'Remote explosive/landmine/IED', targetsCivilians(sentence, found), cue);
    case 'grenade':
      return eventClass('Explosions/Remote violence', 'Grenade', targetsCivilians(sentence, found), cue);
    case 'territory': {
      if (NON_VIOLENT_TRANSFER.test(sentence)) return eventClass('Strategic developments', 'Non-violent transfer of territory', false, cue);
      const subject = sentence.slice(0, found.start);
      const byWhom = /\bfell to\b/i.test(cue) ? sentence.slice(found.end) : subject;
      return eventClass('Battles', STATE_FORCE_WORDS.test(byWhom) ? 'Government regains territory' : 'Non-state actor overtakes territory', false, cue);
    }
    case 'demonstration': {
      if (MOB_CUES.test(sentence)) return eventClass('Riots', 'Mob violence', false, cue);
      const riot = RIOT_CUES.exec(sentence);
      if (riot) return eventClass('Riots', 'Violent demonstration', false, `${cue} … ${riot[0]}`);
      const force = EXCESSIVE_FORCE_CUES.exec(sentence);
      if (force) return eventClass('Protests', 'Excessive force against protesters', true, `${cue} … ${force[0]}`);
      const intervention = INTERVENTION_CUES.exec(sentence);
      if (intervention) return eventClass('Protests', 'Protest with intervention', false, `${cue} … ${intervention[0]}`);
      return eventClass('Protests', 'Peaceful protest', false, cue);
    }
    case 'clash':
      return eventClass('Battles', 'Armed clash', false, cue);
    case 'sexual-violence':
      return eventClass('Violence against civilians', 'Sexual violence', true, cue);
    case 'abduction': {
      // Killed as well as abducted: the killing is the event (ACLED codes the attack), typed by whom it killed
      // ("killed an insurgent commander behind the kidnapping of workers" is a battle).
      const killing = /\b(?:killing|killed|executed|beheaded|shot dead)\b/i.exec(sentence);
      if (killing) {
        const attack = classify(sentence, { kind: 'attack', rank: found.rank, start: killing.index, end: killing.index + killing[0].length, text: killing[0] });
        return { ...attack, cue: `${killing[0]} … ${cue}` };
      }
      return eventClass('Violence against civilians', 'Abduction/forced disappearance', true, cue);
    }
    case 'attack': {
      // Who was attacked: the words after the cue; for a passive ("a man was shot dead by gunmen") the words before.
      let target = sentence.slice(found.end, found.end + 80);
      if (/\b(?:was|were|been|being)\s+$/i.test(sentence.slice(0, found.start))) {
        target = /^\s+by\b/i.test(target) ? clauseBefore(sentence, found.start) : `${target} ${clauseBefore(sentence, found.start)}`;
      }
      // The target named first decides ("killed a militant linked to attacks on tourists" is a fighter).
      const civilian = CIVILIAN_TARGET.exec(target)?.index ?? Infinity;
      const armed = ARMED_TARGET.exec(target)?.index ?? Infinity;
      if (civilian < armed) return eventClass('Violence against civilians', 'Attack', true, cue);
      if (armed < civilian) return eventClass('Battles', 'Armed clash', false, cue);
      // Target not said: one-sided violence ("gunmen killed a man", "executed") unless fighters are named after
      // the cue (the doer before it, "Militants executed…", is no target).
      const rest = sentence.slice(found.end);
      return ARMED_TARGET.test(rest) && !CIVILIAN_TARGET.test(rest)
        ? eventClass('Battles', 'Armed clash', false, cue)
        : eventClass('Violence against civilians', 'Attack', true, cue);
    }
    case 'looting':
      return eventClass('Strategic developments', 'Looting/property destruction', false, cue);
    case 'agreement':
      return eventClass('Strategic developments', 'Agreement', false, cue);
    case 'arrest':
      return eventClass('Strategic developments', 'Arrests', false, cue);
    case 'hq':
      return eventClass('Strategic developments', 'Headquarters or base established', false, cue);
    case 'disrupted':
      return eventClass('Strategic developments', 'Disrupted weapons use', false, cue);
    case 'transfer':
      return eventClass('Strategic developments', 'Non-violent transfer of territory', false, cue);
    case 'change':
      return eventClass('Strategic developments', 'Change to group/activity', false, cue);
    case 'other':
      return eventClass('Strategic developments', 'Other', false, cue);
  }
}
