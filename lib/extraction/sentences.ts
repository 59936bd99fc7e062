/**
 * How a clipped paragraph is read before any event cue is weighed: where its sentences and clauses begin,
 * whether a cue in them is asserted (not negated, future, hypothetical or background), and which sentences
 * are not about an event at all (counts and trends, other wars, references to an earlier event).
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
export const IN_OTHER_THEATRE = new RegExp(
  String.raw`\b(?:in|across|over|inside)\s+(?:neighbou?ring\s+|neighbou?rs\s+|northern\s+|southern\s+|eastern\s+|western\s+)?${OTHER_THEATRE}\b(?:\s*(?:,|and)\s*${OTHER_THEATRE}\b)*`,
);
/** "In Syria, government forces recaptured…": the whole sentence is set there. */
export const SENTENCE_IN_OTHER_THEATRE = new RegExp(String.raw`^(?:[\w'’-]+\s+){0,2}?(?:in|across|inside)\s+${OTHER_THEATRE}\b`, 'i');

/** A cue that names an earlier event as the topic of a report, trial or anniversary ("the UN report on the Tajoura airstrike"). */
export const REFERENCE_BEFORE =
  /\b(?:report|reports|investigation|inquiry|probe|findings|verdict|trial|anniversary|memorial|documentary|film|book|study)\s+(?:on|into|about|of|over|for)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$/i;
