import type { DisorderType, EventClass, EventType, SubEventType } from './types';

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

// ───────────────────────────── sentences ─────────────────────────────

export interface Sentence {
  text: string;
  /** Offsets of the sentence in the paragraph. */
  start: number;
  end: number;
}

/** Words ending in a full stop that do not end a sentence ("Gen. Haftar", "U.S. forces", "3 a.m. on"). */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'brig', 'capt', 'sgt', 'adm', 'cmdr', 'gov', 'sen', 'rep',
    'st', 'no', 'vs', 'etc', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
    'nov', 'dec', 'km', 'a.m', 'p.m', 'u.s', 'u.n', 'u.k', 'u.a.e', 'e.g', 'i.e',
  ],
);

/** Splits at . ! ? followed by a space and a capital, digit or quote, except after abbreviations and initials. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?]+["”’)]*(?=\s+["“‘(]?[A-Z0-9])|\n\s*\n/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.')) {
      const word = /([\w.]+)\.$/.exec(text.slice(Math.max(0, m.index - 12), m.index + 1))?.[1] ?? '';
      // An initial ("U.", "A.") or a listed abbreviation does not end the sentence.
      if (/^[A-Z]$/.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    pushSentence(text, start, end, out);
    start = end;
  }
  pushSentence(text, start, text.length, out);
  return out;
}

function pushSentence(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

// ───────────────────────────── modality ─────────────────────────────

/**
 * Words before a cue, in its clause, that say the event did not happen (yet): negation ("no", "did not"),
 * intention or warning ("warned of", "threatened to", "plans to"), requests ("called for a ceasefire"),
 * hypotheticals ("could", "would") and failures ("failed to reach a deal").
 */
const UNREAL_BEFORE =
  /\b(?:no|not|never|without|n[o']t|warn(?:s|ed|ing)?|threat(?:s|en|ens|ened|ening)?|vow(?:s|ed)?|plan(?:s|ned|ning)?|intend(?:s|ed)?|prepar(?:e|es|ed|ing)|propos(?:e|es|ed|al)|would|will|could|might|shall|can|ready to|about to|fear(?:s|ed)?|risk(?:s|ed)?|call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|push(?:es|ed|ing)? for|seek(?:s|ing)?|sought|hop(?:e|es|ed|ing)|prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|possible|potential|imminent|fail(?:s|ed)? to|refus(?:e|es|ed)|declin(?:e|es|ed) to|unable to|in case of|in the event of|aimed at|rumou?rs? of|to (?:carry out|launch|stage|conduct|mount|commit|plan|train)|(?:was|were) to be|to be used)\b/i;

/** "may" is only modal in lower case ("On 5 May, jets struck" is a date). */
const MAY = /\bmay\b/;

/** Words before a cue that make it background, not the event being reported ("since Gaddafi was killed"). */
const BACKGROUND_BEFORE = /\b(?:since|ever since|years of|decades? of|in the past|history of|legacy of|last year|years ago)\b/i;

/**
 * Words right after a cue that date it to the past: "two attacks last year", "killed years ago". (A
 * present perfect with "since" — "has faced air strikes since 2014" — is background too, see isAsserted.)
 */
const BACKGROUND_AFTER = /^\s*(?:[\w'’-]+\s+){0,6}?(?:last year|years ago|months ago|decades ago|in the past)\b/i;

/** Words right after a cue that make it future or hypothetical ("air strikes could resume", "strikes are expected"). */
const UNREAL_AFTER =
  /^\s*(?:could|would|will|might|may|(?:is|are|was|were) (?:expected|likely|set|due|planned|feared|threatened) to|(?:\w+\s+){0,6}?(?:is|are) (?:possible|likely|expected|planned|imminent))\b/i;

/** Where a clause starts: punctuation, or a conjunction that opens a new clause. */
const CLAUSE_START =
  /[,;:()"“”—–]|\b(?:but|after|before|as(?!\s+(?:a|an|the|well|part|many|much|long|soon|of)\b)|while|when|although|though|because|which|who|whom|where|until|amid|and then)\b/gi;

/** The part of the clause that precedes `index` in `sentence`. */
export function clauseBefore(sentence: string, index: number): string {
  const head = sentence.slice(0, index);
  let from = 0;
  for (const m of head.matchAll(CLAUSE_START)) from = m.index + m[0].length;
  return head.slice(from);
}

/** True when the cue at [start, end) of the sentence reports something that happened. */
export function isAsserted(sentence: string, start: number, end: number): boolean {
  const before = clauseBefore(sentence, start);
  if (UNREAL_BEFORE.test(before) || MAY.test(before) || BACKGROUND_BEFORE.test(before)) return false;
  const after = sentence.slice(end);
  if (BACKGROUND_AFTER.test(after)) return false;
  if (/\b(?:has|have|had)\s+(?:been\s+)?\w+$/i.test(before.trimEnd()) && /^.{0,60}?\bsince\b/i.test(after)) return false;
  return !UNREAL_AFTER.test(after);
}

// ───────────────────────────── not an event: aggregates, trends, other wars ─────────────────────────────

/** Plural event nouns that statistics and trends count ("891 attacks", "a rise in attacks"). */
const EVENT_NOUNS = String.raw`(?:attacks|strikes|air ?strikes|airstrikes|raids|bombings|killings|assassinations|kidnappings|abductions|incidents|clashes|gun ?battles|violence|casualties|deaths|fatalities)`;

/**
 * A sentence that counts, compares or charts a trend ("There were 891 attacks in the first quarter",
 * "attacks have increased this year", "a 44 percent rise", "almost as many attacks as", "has been slower")
 * reports no single event (ACLED codes one event per day and place): none of its cues is the event.
 */
const AGGREGATE = new RegExp(
  [
    String.raw`\b(?:there (?:were|have been|had been)|recorded|registered|documented|counted|tallied)\s+(?:at least\s+|more than\s+|over\s+|some\s+|about\s+|nearly\s+|almost\s+)?(?:\d[\d,]*|dozens|hundreds|thousands|scores)\s+(?:[\w-]+\s+){0,2}?${EVENT_NOUNS}\b`,
    String.raw`\b(?:rise|increase|surge|spike|jump|upsurge|uptick|decline|drop|fall|decrease|reduction)\s+in\s+(?:[\w'’-]+\s+){0,3}?${EVENT_NOUNS}\b`,
    String.raw`\b${EVENT_NOUNS}\s+(?:have|has|had)\s+(?:\w+\s+)?(?:increased|risen|grown|spiked|surged|soared|declined|dropped|fallen|decreased|doubled|tripled)\b`,
    String.raw`\b(?:increasing|growing|rising|mounting)\s+(?:number of\s+)?(?:[\w-]+\s+)?${EVENT_NOUNS}\b`,
    String.raw`\b(?:as many|more|fewer)\s+(?:[\w-]+\s+)?${EVENT_NOUNS}\s+(?:[^.;]{0,60}?\s)?(?:as|than)\b`,
    String.raw`\b(?:those|these|such)\s+(?:[\w-]+\s+)?${EVENT_NOUNS}\b`,
    String.raw`\b\d+(?:\.\d+)?\s*(?:percent|per cent|%)\s+(?:rise|increase|jump|drop|decline|fall)\b`,
    String.raw`\b(?:quarterly|monthly|annual|yearly|weekly)\s+(?:toll|tally|total|figures?|average)\b`,
    String.raw`\bmore than in any\b`,
    String.raw`\b(?:has|have|had) been (?:much |far |even )?(?:slower|faster|quicker|harder|easier|fewer|deadlier)\b`,
  ].join('|'),
  'i',
);

/** Whether a sentence is a statistic, a trend or a comparison rather than the report of an event. */
export function isAggregate(sentence: string): boolean {
  return AGGREGATE.test(sentence);
}

/**
 * Other wars (Syria, Iraq…): an event the text places there is background for a Libya desk, not a Libyan
 * event. Libya's neighbours are not listed: spill-over into Tunisia, Egypt, Chad, Niger or Sudan is news.
 */
const OTHER_THEATRE = String.raw`(?:Syria|Iraq|Afghanistan|Yemen|Somalia|Lebanon|Gaza|Ukraine|Kosovo|Bahrain|Pakistan|Mosul|Raqqa|Aleppo|Idlib|Fallujah|Ramadi|Palmyra)`;
const IN_OTHER_THEATRE = new RegExp(
  String.raw`\b(?:in|across|over|inside)\s+(?:neighbou?ring\s+|neighbou?rs\s+|northern\s+|southern\s+|eastern\s+|western\s+)?${OTHER_THEATRE}\b(?:\s*(?:,|and)\s*${OTHER_THEATRE}\b)*`,
);
/** "In Syria, government forces recaptured…": the whole sentence is set there. */
const SENTENCE_IN_OTHER_THEATRE = new RegExp(String.raw`^(?:[\w'’-]+\s+){0,2}?(?:in|across|inside)\s+${OTHER_THEATRE}\b`, 'i');

/** A cue that names an earlier event as the topic of a report, trial or anniversary ("the UN report on the Tajoura airstrike"). */
const REFERENCE_BEFORE =
  /\b(?:report|reports|investigation|inquiry|probe|findings|verdict|trial|anniversary|memorial|documentary|film|book|study)\s+(?:on|into|about|of|over|for)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$/i;

// ───────────────────────────── cue lists ─────────────────────────────

/** Aircraft as the subject of a strike ("Turkish drones struck", "warplanes belonging to X bombed"). */
const AIRCRAFT =
  String.raw`(?:fighter[- ]jets?|fighter planes?|war ?planes?|military (?:aircraft|planes?|jets?)|jets?|aircraft|planes?|drones?|UAVs?|UCAVs?|helicopters?|helicopter gunships?|gunships?|Bayraktars?|Wing Loongs?|Mirages?|MiGs?|Sukhois?|F-16s?|Rafales?)`;
const AIR_VERB = String.raw`(?:struck|strikes?|bombed|bombs?|hit|hits|targeted|targets?|pounded|raided|attacked|fired (?:missiles|rockets|on|at)|launched (?:strikes|raids|missiles)|carried out (?:strikes|raids))`;

/** Air-to-ground attacks (ACLED: Explosions/Remote violence → Air/drone strike; helicopters count too). */
const AIR_CUES: readonly RegExp[] = [
  /\b(?:air[- ]?strikes?|air[- ]?raids?|drone (?:strikes?|attacks?)|aerial (?:bombardment|bombing|attacks?|strikes?|raids?)|air attacks?|bombing raids?|helicopter gunships?|air campaign)\b/gi,
  new RegExp(String.raw`\b${AIRCRAFT}\b(?:[^.;:,]{0,60}?)\b${AIR_VERB}\b`, 'gi'),
  new RegExp(String.raw`\b(?:struck|bombed|hit|targeted|pounded|raided|attacked)\s+by\s+(?:[\w'’-]+\s+){0,4}?${AIRCRAFT}\b`, 'gi'),
  // "attacking Libya with fighter jets", "struck the port with drones".
  new RegExp(String.raw`\b(?:attack(?:ed|ing)?|struck|striking|bomb(?:ed|ing)|hit(?:ting)?|target(?:ed|ing)|pound(?:ed|ing))\s+(?:[\w'’-]+\s+){0,4}?with\s+(?:[\w'’-]+\s+){0,2}?${AIRCRAFT}\b`, 'gi'),
  new RegExp(String.raw`\b(?:dropped bombs|(?:bombed|bombing|bombs)\b(?=[^.;]*\b${AIRCRAFT}\b))`, 'gi'),
  // "the strike on the Tajoura detention centre": in Libya coverage a bare "strike on" is an air strike
  // ("a general strike on Monday" is not, hence the day and date exclusion).
  /\bstrikes? (?:on|against|targeting) (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)\b)/gi,
];

/** An air attack on something that fires back, or air-to-air, is a Battle (ACLED rule), when detectable. */
const AIR_BATTLE_CUES: readonly RegExp[] = [
  /\b(?:air-to-air|dogfights?|anti-aircraft fire|air defen[cs]es? (?:fired|engaged|responded|opened fire)|returned fire)\b/gi,
  new RegExp(String.raw`\bshot down (?:an? |the |two |three )?(?:[\w'’-]+\s+){0,2}?(?:fighter[- ]jets?|war ?planes?|jets?|aircraft|helicopters?|planes?)\b`, 'gi'),
];

/** Ground-launched indirect fire (ACLED: Shelling/artillery/missile attack). "Rocket-propelled grenades" are excluded: that is fighting. */
const SHELLING_CUES: readonly RegExp[] = [
  /\b(?:shell(?:s|ed|ing)|artillery|mortars?|(?<!propelled\s)rockets?(?!-propelled)|Katyushas?|missiles?|bombard(?:ed|ment|ments|ing)|indiscriminate fire|heavy weapons fire)\b/gi,
  // Grad rockets: case-sensitive, "grad" is also a word.
  /\bGrads?\b/g,
];

/** Suicide attacks come first: a "suicide car bomb" is a Suicide bomb, not an IED (ACLED). */
const SUICIDE_CUES: readonly RegExp[] = [
  /\b(?:suicide (?:car[- ])?(?:bomb(?:er|ers|ing|ings|s)?|attacks?|attackers?|vests?|belts?|trucks?|blasts?|explosions?)|blew (?:himself|herself|themselves) up|explosive (?:vests?|belts?))\b/gi,
];

/** Remote explosives (ACLED: Remote explosive/landmine/IED). A bare "explosion" is the weakest of these. */
const IED_CUES: readonly RegExp[] = [
  /\b(?:IEDs?|VBIEDs?|improvised explosive devices?|car[- ]bomb(?:s|ing|ings)?|roadside (?:bombs?|bombings?)|land ?mines?|mines\b|a mine\b|booby[- ]trap(?:s|ped)?|explosive devices?|bombs? (?:exploded|went off|blasts?)|bomb blasts?|detonat(?:ed|ion)|unexploded ordnance|explosive remnants)\b/gi,
  /\b(?:explosions?|blasts?)\b/gi,
];

const GRENADE_CUES: readonly RegExp[] = [/\b(?<!propelled\s)(?:hand )?grenades?\b/gi];

/**
 * Territory changing hands by force (ACLED: Government regains territory / Non-state actor overtakes
 * territory). "Seized" alone is too loose ("seized weapons"), so it needs a place-like object.
 */
const TERRITORY_CUES: readonly RegExp[] = [
  /\b(?:occup(?:ied|ies|y|ying)(?= )|captur(?:ed|es|ing)|seiz(?:ed|es|ing) control|(?:took|taken|take|takes|gained|regained|wrested|wrest|assumed) (?:full )?control|retook|retaken|recaptur(?:ed|es|ing)|took over(?= (?:the )?(?:town|city|village|airport|air ?base|base|port|terminal|area|district|[A-Z]))|took (?:the )?(?:town|city|village|airport|air ?base|capital)|overran|overrun|fell to|liberat(?:ed|es|ing)|drove (?:[\w'’-]+\s+){1,4}out of|expelled (?:[\w'’-]+\s+){1,4}from|advanced into|swept into|seized (?:the )?(?:town|city|village|airport|air base|airbase|base|port|terminal|oil|area|district|headquarters|[A-Z]\w+))\b/gi,
];

/** ACLED: Non-violent transfer of territory (a side leaves, or hands over, without a fight). */
const TRANSFER_CUES: readonly RegExp[] = [
  /\b(?:withdr(?:ew|awn|aws) (?:\w+ ){0,3}?from (?=(?:the )?(?:town|city|village|airport|air ?base|base|port|area|district|capital|[A-Z]))|pulled out of|handed over (?:control of )?|handover of|evacuated (?:their|its) positions)/gi,
];

/** A transfer without fighting turns a territory cue into a Strategic development. */
const NON_VIOLENT_TRANSFER = /\b(?:without (?:a )?(?:fight|fighting|resistance|bloodshed|a shot)|peacefully)\b/i;

/** What follows a territory or transfer cue when it is a place: a place noun, or a capitalised name (checked case-sensitively). */
const PLACE_NEXT = /^\s+(?:(?:the|The)\s+)?(?:[a-z-]+\s+)?(?:(?:town|city|village|airport|air ?base|airbase|base|port|terminal|oil|area|district|capital|headquarters|outskirts|centre|center)\b|[A-Z])/;

/** Capturing people, not places: "captured two mercenaries" is part of the fighting, not territory. */
const CAPTURED_PEOPLE =
  /^\s*(?:(?:them|him|her|us|hostages|suspects|civilians|people)\b|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|a number of|scores of)?\s*(?:[\w'’-]+\s+){0,2}?(?:fighters|soldiers|troops|mercenaries|militants|prisoners|members|men|officers|commanders?)\b)/i;

/** Clause words saying which side took the ground: state forces regain, others overtake. */
const STATE_FORCE_WORDS =
  /\b(?:government|GNA|GNU|LNA|Libyan National Army|Libyan Arab Armed Forces|LAAF|Haftar|army|military|state forces|pro-government|unity government|Bunyan al-Marsous|Volcano of Anger)\b/i;

/** Armed confrontation between organised groups (ACLED: Battles → Armed clash). */
const CLASH_CUES: readonly RegExp[] = [
  /\b(?:clash(?:es|ed|ing)?|fighting(?! (?:force|forces|age|men|season|chance|spirit|group|groups))|fought|battles?|battled|battling|gun ?battles?|gunfights?|firefights?|exchanged (?:heavy )?(?:fire|gunfire)|exchanges? of (?:fire|gunfire)|skirmish(?:es|ed)?|ambush(?:ed|es)?|counter[- ]?attacks?|counter[- ]?offensives?|offensive|fights? (?:broke out|erupted)|heavy gunfire|repell?ed (?:an? )?(?:attack|assault|advance)|repulsed|(?:attack(?:ed|s)?|assault(?:ed|s)?|raid(?:ed|s)?|stormed|overran)(?: on)? (?:[\w'’-]+\s+){0,4}?(?:positions?|checkpoints?|bases?|barracks|camps?|patrols?|convoys?|outposts?|headquarters))\b/gi,
];

/** Demonstrations (ACLED: Protests/Riots). */
const PROTEST_CUES: readonly RegExp[] = [
  /\b(?:protest(?:s|ed|ing|ers|ors)?|demonstrations?|demonstrators|rally|rallies|sit-ins?|marched|marches|took to the streets|took to the street)\b/gi,
  /\b(?:mob|lynch(?:ed|ing)?)\b/gi,
];
/** Demonstrators using violence make it a riot (stones, storming, arson); burning tyres on a road is still a protest. */
const RIOT_CUES =
  /\b(?:riots?|rioters|rioting|violent (?:protests?|demonstrations?)|stormed|torched|set (?:fire|ablaze)|set \w+ (?:on fire|ablaze)|(?:threw|throwing|hurled|hurling) (?:stones|rocks|petrol bombs|molotov)|vandali[sz](?:ed|ing)|clash(?:es|ed)?|ransack(?:ed|ing))\b/i;
/** Mob violence (ACLED: Riots → Mob violence). */
const MOB_CUES = /\b(?:mob|lynch(?:ed|ing)?|vigilantes?)\b/i;
/** Lethal or highly violent force against demonstrators (ACLED: Excessive force against protesters). */
const EXCESSIVE_FORCE_CUES =
  /\b(?:live (?:ammunition|fire|rounds)|opened fire on|fired (?:directly )?(?:on|at|into) (?:the )?(?:crowd|protesters|demonstrators)|shot (?:dead )?(?:\w+ )?(?:protesters|demonstrators)|(?:killing|killed|shot dead) (?:\w+ ){0,3}?(?:protesters|demonstrators)|(?:protesters|demonstrators) (?:were|was) (?:killed|shot))\b/i;
/** Force used to disperse a protest (ACLED: Protest with intervention). */
const INTERVENTION_CUES =
  /\b(?:dispers(?:e|ed|ing)|tear ?gas|water cannons?|broke up|broken up|fired (?:shots |warning shots )?(?:in|into) the air|rubber bullets|batons?|arrested (?:\w+ ){0,3}?(?:protesters|demonstrators)|beat (?:protesters|demonstrators))\b/i;

/** Either kind of force against demonstrators: where in the sentence the intervening force is named. */
export const DEMONSTRATION_FORCE_CUES = new RegExp(`${EXCESSIVE_FORCE_CUES.source}|${INTERVENTION_CUES.source}`, 'i');

const SEXUAL_VIOLENCE_CUES: readonly RegExp[] = [/\b(?:rap(?:ed|es|ing)|rape|sexual (?:violence|assault|abuse)|sexually (?:assaulted|abused))\b/gi];

const ABDUCTION_CUES: readonly RegExp[] = [
  /\b(?:abduct(?:ed|ion|ions|ing|s)?|kidnap(?:ped|ping|pings|s)?|snatched|forcibly disappeared|enforced disappearances?|taken hostage|held hostage|hostage-taking|seized (?:by )?(?:unidentified|unknown|armed) (?:gunmen|men))\b/gi,
];

/**
 * One-sided violence, or an attack whose target decides the type: "attacked a checkpoint" is a Battle
 * (handled by CLASH_CUES), "attacked residents"/"attacked the town" is Violence against civilians.
 */
const ATTACK_CUES: readonly RegExp[] = [
  // Singular or verb only: plural "attacks" is nearly always a trend or background ("IS attacks have increased").
  /\b(?:attack(?:ed|ing)?|assault(?:ed)?|raid(?:ed)?|stormed|opened fire|shot (?:dead|and killed)|gunned down|executed|execution|beheaded|massacred?|assassinat(?:ed|ion|ions)|murder(?:ed|s)?|tortur(?:ed|e)|killed|shot(?! down))\b/gi,
];
/** Targets that make an attack a Battle. */
const ARMED_TARGET =
  /\b(?:insurgents?|rebels?|combatants?|extremists?|terrorists?|snipers?|cadres?|positions?|checkpoints?|bases?|airports?|air ?bases?|ports?|terminals?|oil fields?|barracks|camps?|soldiers?|troops|forces|fighters?|militants?|police(?:m[ae]n)?|army|patrols?|convoys?|headquarters|militias?|brigades?|guards?|posts?|units?|gunm[ae]n|jihadists?|commanders?|mercenar(?:y|ies))\b/i;
/**
 * Armed people: a victim or target described this way is not a civilian (ACLED codes an attack on them as a
 * battle, or keeps it a strike with the armed group as actor2).
 */
export const ARMED_PEOPLE =
  /\b(?:militants?|fighters?|soldiers?|troops|gunm[ae]n|jihadists?|insurgents?|rebels?|combatants?|mercenar(?:y|ies)|commanders?|militiam[ae]n|extremists?|terrorists?|snipers?|policem[ae]n|officers?|guards?|cadres?)\b/i;

/** Targets that make an event one against civilians. */
const CIVILIAN_TARGET =
  /\b(?:civilians?|residents?|residential|villagers|inhabitants|passers-by|bystanders|families|family|shepherds?|herders?|traders?|merchants?|drivers?|passengers?|teachers?|engineers?|pilgrims?|homes?(?! to\b)|houses?|markets?|hospitals?|clinics?|schools?|mosques?|churches|worshippers|migrants?|refugees|detention (?:centre|center)|journalists?|reporters?|activists?|mayor|doctors?|nurses?|man|woman|child|children|women|girls?|boys?|farmers|fishermen|workers|shoppers|pedestrians|neighbou?rhoods?|villages?|towns?|wedding|funeral|tourists|visitors|museum|hotel)\b/i;

/** Negotiated outcomes (ACLED: Agreement): ceasefires, deals, prisoner exchanges, releases, surrenders. */
const AGREEMENT_NOUN = String.raw`(?:cease-?fire|truce|agreement|deal|(?:peace|political|an?) accord|memorandum(?: of understanding)?|pact|prisoner (?:exchange|swap)|roadmap|arrangement)`;
const AGREEMENT_CUES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:signed|sign|signing|reached|agreed(?: to| on| upon)?|struck|brokered|concluded|clinched|announced|declared|sealed|finali[sz]ed|inked)\b(?:[^.;]{0,40}?)\b${AGREEMENT_NOUN}`, 'gi'),
  new RegExp(String.raw`\b${AGREEMENT_NOUN}\b[^.;]{0,30}?\b(?:signed|reached|agreed|struck|brokered|concluded|announced|took effect|came into (?:force|effect)|went into effect|entered into force)\b`, 'gi'),
  /\b(?:agreed to (?:exchange|release|reopen|withdraw|unify|hand over|lift|resume|end)|exchanged (?:\w+ ){0,2}?(?:prisoners|detainees|bodies)|released (?:\w+ ){0,3}?(?:prisoners|detainees|hostages|captives)|surrender(?:ed)?)\b/gi,
];
/** Words that mean the agreement is not new: it is violated, rejected, monitored, or only talked about. */
const AGREEMENT_NOT_NEW_BEFORE =
  /\b(?:violat(?:e|es|ed|ing|ion of)|breach(?:es|ed|ing)?(?: of)?|despite|collapse of|undermin(?:e|es|ed|ing)|reject(?:s|ed|ing)?|respect(?:s|ed|ing)?|abide by|uphold|observe|monitor(?:s|ed|ing)?|implement(?:s|ed|ing|ation of)?|end(?:ed)? (?:of )?the|under the|existing|fragile)\b/i;
const AGREEMENT_NOT_NEW_AFTER = /^\s*(?:talks|negotiations|proposals?|plans?|initiatives?|calls?|efforts|violations?|breach(?:es)?|monitoring|line|collapsed|broke down)\b/i;

/** Arrests by authorities (ACLED: Arrests). An arrest warrant is only a statement. */
const ARREST_CUES: readonly RegExp[] = [
  /\b(?:arrested|arrests?(?! warrant)|detained|detention of|apprehended|rounded up|(?:took|taken) into custody)\b/gi,
];

/** ACLED: Headquarters or base established. */
const HQ_CUES: readonly RegExp[] = [
  /\b(?:established|set up|setting up|opened(?! fire)|built|building)\b(?:[^.;]{0,30}?)\b(?:headquarters|(?:military |air |naval |forward )?base|command (?:centre|center)|operations room|outposts?)\b/gi,
];

/** ACLED: Looting/property destruction. */
const LOOTING_CUES: readonly RegExp[] = [
  /\b(?:loot(?:ed|ing|ers)?|pillag(?:ed|ing)|ransack(?:ed|ing)|plunder(?:ed|ing)?|torched|set (?:fire|ablaze) to|burn(?:ed|t) down|demolish(?:ed|ing)|bulldoz(?:ed|ing)|vandali[sz](?:ed|ing))\b/gi,
];

/** ACLED: Disrupted weapons use (drones and missiles downed or intercepted, explosives defused, weapons seized). */
const DISRUPTED_CUES: readonly RegExp[] = [
  /\b(?:shot down|shooting down|downed|downing|intercepted|defus(?:ed|ing)|dismantl(?:ed|ing) (?:an? |the )?(?:IED|explosive|bomb)|seized (?:\w+ ){0,3}?(?:weapons|arms|ammunition|explosives|shipment)|weapons (?:cache|seizure))\b/gi,
];

/**
 * ACLED: Change to group/activity. Oil blockades (ports, terminals and fields shut by armed groups) are
 * coded here, with troop build-ups and reorganisations.
 */
const CHANGE_CUES: readonly RegExp[] = [
  /\b(?:blockades?|blockaded|blockading|shut(?:ting)? (?:down|in)|shutdown|closed|closure of|halted|suspended|force majeure)\b(?=[^.;]*\b(?:oil|ports?|terminals?|fields?|exports?|production|pipelines?|valves?|refinery)\b)/gi,
  /\b(?:deployed|deployment of|redeployed|reinforcements|mobili[sz](?:ed|ation)|military build-?up|troop (?:build-?up|movements?)|merged|dissolved|disbanded|defected|rebranded|recruit(?:ed|ing|ment)|(?:troops|forces|fighters|mercenaries|militants) (?:have |had )?arrived)\b/gi,
];

/** Statements and political moves: Strategic developments → Other, only when nothing else happened. */
const OTHER_CUES: readonly RegExp[] = [
  /\b(?:said|says|stated|announced|warned|called for|urged|condemned|accused|denied|threatened|welcomed|rejected|demanded|met|visited|held talks|talks|appointed|named|elected|resigned|dismissed|sworn in|voted|vote|statement|declared|claimed|pledged|vowed)\b/gi,
];

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
