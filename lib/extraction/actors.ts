import type { TextMatch } from '../recognition/types';
import { ARMED_PEOPLE, DEMONSTRATION_FORCE_CUES } from './event-cues';
import { locateEvent, type EventLocus } from './event-type';
import { clauseBefore, type Sentence } from './sentences';
import type { EventActor } from './types';
import { CIVILIANS, isArmed, PROTESTERS, RIOTERS, UNIDENTIFIED_ARMED_GROUP, UNIDENTIFIED_MILITARY } from './acled-actors';
import { type ActorMention, actorMentions, isSpeaker, SAYS_IT_ACTED, SPEECH_VERB } from './actor-mentions';


/**
 * Who did what to whom in one clipped paragraph, the way an ACLED coder reads it: actor1 is the one who
 * acted (the subject of the event verb, or the agent of a passive "by X"), actor2 the target, and the
 * associated actors are allies named in the same role. Only the event sentence (see event-type.ts) is
 * read for roles; speakers of statements ("the GNA said") are left out unless they say they acted
 * ("the LNA said it struck"). Names come from the knowledge base; people are coded as the force they
 * lead ("Haftar" → the LNA) because ACLED codes organisations, not individuals.
 */

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
    const forces = candidates.filter((m) => m !== crowd && isArmed(m.actor) && !/\b(?:against|denounc\w*|demanding|protest\w*|in support of|supporting|over|calling for)\s+(?:the\s+)?$/i.test(text.slice(sentence.start, m.start)));
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
