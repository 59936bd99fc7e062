import { isAggregate, splitSentences } from './sentences';
import type { Fatalities } from './types';

/**
 * The number of people killed, as ACLED records it: the lowest credible figure, 0 when unstated. Only the
 * killed count (never the wounded), and not background deaths ("killed in 2011", "since the campaign
 * began"). Vague words take ACLED's values ("several" 3, "dozens" 12, "hundreds" 100).
 *
 * Figures are read in four shapes:
 *  - victims then the death word: "at least 12 people were killed", "three soldiers and two civilians were killed";
 *  - the death verb then victims: "killing five civilians", "killed 33 militants";
 *  - a toll: "the death toll rose to 20";
 *  - one named person: "Mahmoud Hamza was shot dead", "the mayor was killed".
 * Then: a total ("people", "dead", a toll) wins, the lowest of several totals; without a total, groups of
 * different victims are added up ("three soldiers and two civilians" → 5), the lowest figure per group.
 */

/** ACLED values for vague quantities; "many" and "a few" are read like "several", the lowest plural it allows. */
const VAGUE: Record<string, number> = {
  'a dozen': 12,
  dozens: 12,
  'dozens of': 12,
  several: 3,
  'a few': 3,
  'a handful': 3,
  'a handful of': 3,
  'a number of': 3,
  many: 3,
  scores: 20,
  'scores of': 20,
  hundreds: 100,
  'hundreds of': 100,
  'a hundred': 100,
  'one hundred': 100,
  thousands: 1000,
  'thousands of': 1000,
  tens: 10,
  'tens of': 10,
};

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const NUM_WORD = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred)`;
/** Digits, but not a year ("in 2011") nor a time ("3:30"). */
const DIGITS = String.raw`(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})+(?![\d:])|(?!(?:19|20)\d\d\b)\d+(?![\d:])`;
const NUM = String.raw`(?:${DIGITS}|${NUM_WORD})`;
const VAGUE_RE = String.raw`(?:a dozen|dozens(?: of)?|several|a few|a handful(?: of)?|a number of|many|scores(?: of)?|hundreds(?: of)?|thousands(?: of)?|tens of)`;
/** Hedges before a number; "as many as 40" still gives 40, the only figure there is. */
const QUALIFIER = String.raw`(?:at least|as many as|more than|over|some|about|around|nearly|almost|up to|a total of|an estimated|roughly|approximately|upwards of|no fewer than|not less than|at most)`;
/** A number, a range ("between 10 and 15", "10 to 15": the lower end), or a vague quantity. */
const COUNT = String.raw`(?:between ${NUM} and ${NUM}|${NUM}(?:\s*(?:-|–|to|or)\s*${NUM})?|${VAGUE_RE})(?!\s*(?:km|kilomet(?:er|re)s?|miles|metres|meters|hours?|days?|weeks?|months?|years?|minutes?|a\.m|p\.m|GMT|percent|per cent|%|barrels)\b)`;
/** People one at a time: "a woman", "one soldier". */
const PERSON =
  String.raw`(?:man|woman|child|boy|girl|civilian|soldier|fighter|person|resident|journalist|member|officer|policeman|commander|migrant|guard|driver|doctor|nurse|teenager|student|worker|militant|mercenary|official|mayor|activist|protester|demonstrator|passer-by|bystander|infant|baby|cameraman|photographer|paramedic|shepherd|farmer|son|daughter|father|mother|brother|sister|wife|husband|relative|pilot)`;
/** A word that may follow a number in a victim group ("11 brigade members"), not a verb, month or unit. */
const WORD =
  String.raw`(?!(?:were|was|have|had|has|are|is|been|being|and|or|in|on|at|of|by|from|after|when|January|February|March|April|May|June|July|August|September|October|November|December|km|kilometres|miles|wounded|injured|hurt|killed|dead|died)\b)[A-Za-z][\w'’-]*`;
const GROUP = String.raw`(?:${QUALIFIER}\s+)?(?:(?:his|her|their)\s+)?(?:${COUNT}(?:\s+${WORD}){0,3}|(?:a|an|one)\s+(?:${WORD}\s+){0,2}${PERSON})`;
const GROUP_LIST = String.raw`${GROUP}(?:\s*(?:,\s*and|,|and|as well as|along with)\s+${GROUP})*`;

/** Victims, then the word that says they died. */
const PASSIVE = new RegExp(
  String.raw`\b(${GROUP_LIST})\s*,?\s+(?:(?:were|was|have|has|had|been|are|is|being|reportedly|reported|believed|feared|said to be|found|all|later|also|confirmed|now)\s+){0,4}(?:killed|dead|died|slain|shot dead|murdered|executed|beheaded|massacred|perished|lost their lives|lost (?:his|her) life|deaths|fatalities)\b`,
  'gi',
);
/** The death verb, then victims. */
const ACTIVE = new RegExp(
  String.raw`\b(?:killing|killed|kills|kill|claimed the lives of|claiming the lives of|took the lives of|taking the lives of|massacred|executed|beheaded|shot dead|gunned down)\s+(${GROUP_LIST})`,
  'gi',
);
const TOLL = new RegExp(String.raw`\bdeath toll\b[^.;]{0,40}?\b(?:rose to|risen to|reached|stood at|climbed to|of|is|was|at|to|hit)\s+(${GROUP})`, 'gi');
/** One person by name or title: "Mahmoud Hamza was shot dead", "the mayor of Derna was killed", "he was killed". */
const ONE_PERSON = [
  /\b(?:killing|killed|assassinat(?:ed|ing)|shot dead|shooting dead)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:mayor|commander|head|chief|leader|spokesman|official|director|journalist|activist|imam)\b/gi,
  /\bthe\s+(?:[\w-]+\s+)?(?:mayor|commander|head|chief|leader|spokesman|official|director|journalist|activist|driver|imam)\s+(?:of\s+[\w\s'’-]{1,30}?\s+)?(?:was|has been|had been)\s+(?:shot dead|killed|assassinated|murdered|executed|beheaded)\b/gi,
  /\b(?:(?:[A-Z][\w'’-]+|al-[A-Z][\w'’-]+|el-[A-Z][\w'’-]+)\s+){1,4}(?:was|has been|had been)\s+(?:shot dead|killed|assassinated|murdered|executed|beheaded)\b/g,
  /\b(?:he|she)\s+(?:was|has been|had been)\s+(?:shot dead|killed|assassinated|murdered|executed|beheaded)\b/gi,
];
/** Victims added after the verb: "seven civilians were killed along with ten soldiers" (not "and 35 wounded"). */
const ALONG_WITH = new RegExp(String.raw`^\s*,?\s*(?:along with|as well as|together with|and)\s+(${GROUP})(?=\s*(?:[,.;)](?!\d)|$|(?:were|was)\s+(?:also\s+)?(?:killed|dead)))`, 'i');
/** A subset of victims already counted: "12 people, including five children". */
const SUBSET_BEFORE = /\b(?:including|among them|among whom|of whom|of them|among the)\s+$/i;
const SUPERSET = new RegExp(String.raw`(${GROUP})\s*,?\s*(?:including|among them|among whom)\s+$`, 'i');
/** Background deaths, not this event's: "since the campaign began", "last year", "killed in 2011". */
const BACKGROUND_BEFORE = /\b(?:since|last year|years ago|in the past|so far|to date|this year|over the past|throughout|during the (?:war|conflict|revolution|uprising))\b/i;
const BACKGROUND_AFTER = /^\s*(?:[\w'’-]+\s+){0,2}?(?:in (?:19|20)\d\d|since)\b/i;
/** A toll over a period or a whole war ("in the first week of the uprising", "of the war"). */
const PERIOD_TOLL = /\b(?:first|past|last|previous)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|quarter)\b|\bof the (?:uprising|war|revolution|conflict|campaign|crisis)\b/i;
/** Said outright that nobody died. */
const NONE_KILLED = /\b(?:no one|nobody|none) (?:was|were) (?:killed|hurt|injured|harmed)|\bno (?:casualties|deaths|fatalities|one was killed|loss of life)\b|\bwithout (?:casualties|loss of life)\b/i;
/** Victim words that say "everyone" (a total), not a kind of victim. */
const GENERIC_VICTIMS = new Set(['people', 'person', 'persons', 'individuals', 'individual', 'dead', 'others', 'other', 'victims', 'victim', 'bodies', 'body', 'casualties', 'lives', 'total']);

interface Group {
  count: number;
  /** Singular victim noun ("civilian", "soldier"), undefined for a bare number or "people". */
  noun?: string;
}

interface Hit {
  start: number;
  end: number;
  text: string;
  groups: Group[];
  total: boolean;
}

function wordNumber(w: string): number | undefined {
  const lower = w.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower in VAGUE) return VAGUE[lower];
  const unit = UNITS.indexOf(lower);
  if (unit >= 0) return unit;
  const [tens, ones] = lower.split(/[- ]/);
  const t = TENS.indexOf(tens ?? '');
  if (t >= 2) return t * 10 + (ones ? Math.max(0, UNITS.indexOf(ones)) : 0);
  return undefined;
}

const GROUP_PARTS = new RegExp(String.raw`^(?:${QUALIFIER}\s+)?(?:(?:his|her|their)\s+)?(?:between (${NUM}) and ${NUM}|(${NUM})(?:\s*(?:-|–|to|or)\s*${NUM})?|(${VAGUE_RE})|(a|an|one)\s)`, 'i');

/** The count and victim noun of one group ("at least 12 people", "two children", "a woman"). */
function parseGroup(text: string): Group | undefined {
  const m = GROUP_PARTS.exec(text.trim());
  if (!m) return undefined;
  const figure = m[1] ?? m[2] ?? m[3] ?? m[4];
  if (!figure) return undefined;
  const count = /^(?:a|an)$/i.test(figure) ? 1 : wordNumber(figure);
  if (count === undefined) return undefined;
  const rest = text.trim().slice(m[0].length).trim().split(/\s+/).filter(Boolean);
  const last = rest[rest.length - 1]?.toLowerCase().replace(/[^a-z-]/g, '');
  const noun = last && !GENERIC_VICTIMS.has(last) ? singular(last) : undefined;
  return noun ? { count, noun } : { count };
}

/** "civilians" → "civilian", "children" → "child", "women" → "woman", so that two reports of one group match. */
function singular(word: string): string {
  if (word.endsWith('children')) return word.slice(0, -3);
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const GROUP_IN_LIST = new RegExp(GROUP, 'gi');

/** The groups of a victim list ("three soldiers and two civilians" → two groups). */
function parseList(list: string): Group[] {
  const groups: Group[] = [];
  for (const g of list.matchAll(GROUP_IN_LIST)) {
    const group = parseGroup(g[0]);
    if (group) groups.push(group);
  }
  return groups;
}

function isBackground(sentence: string, start: number, end: number): boolean {
  return BACKGROUND_BEFORE.test(sentence.slice(Math.max(0, start - 150), start)) || BACKGROUND_AFTER.test(sentence.slice(end));
}

function hitsIn(sentence: string, offset: number): Hit[] {
  const hits: Hit[] = [];
  const add = (start: number, end: number, groups: Group[]) => {
    // "No one was killed" is not one person.
    if (!groups.length || isBackground(sentence, start, end) || /\bno\s+$/i.test(sentence.slice(0, start))) return;
    const total = groups.length === 1 && !groups[0]!.noun;
    hits.push({ start: offset + start, end: offset + end, text: sentence.slice(start, end), groups, total });
  };

  for (const m of sentence.matchAll(PASSIVE)) {
    const listStart = m.index;
    let groups = parseList(m[1]!);
    let start = listStart;
    if (SUBSET_BEFORE.test(sentence.slice(0, listStart))) {
      // "12 people, including five children, were killed": the figure before "including" is the one.
      const superset = SUPERSET.exec(sentence.slice(0, listStart));
      if (!superset) continue;
      groups = parseList(superset[1]!);
      start = superset.index;
    }
    let end = m.index + m[0].length;
    const more = ALONG_WITH.exec(sentence.slice(end));
    if (more) {
      const extra = parseGroup(more[1]!);
      // "170 deaths and 1,500 injuries": the injured are not added to the dead.
      if (extra && !/^(?:injur|wound|hurt|missing|displac|arrest|captur|rescu|detain)/.test(extra.noun ?? '')) groups.push(extra);
      end += more[0].length;
    }
    add(start, end, groups);
  }
  for (const m of sentence.matchAll(ACTIVE)) {
    if (hits.some((h) => offset + m.index < h.end && offset + m.index + m[0].length > h.start)) continue;
    add(m.index, m.index + m[0].length, parseList(m[1]!));
  }
  for (const m of sentence.matchAll(TOLL)) {
    // "the death toll in the first week of the uprising": a period's toll, not one event's.
    if (PERIOD_TOLL.test(m[0])) continue;
    const group = parseGroup(m[1]!);
    if (group) add(m.index, m.index + m[0].length, [{ count: group.count }]);
  }
  // One person by name or title: the first pattern that finds one (they overlap: "the mayor of Derna was killed").
  for (const pattern of hits.length ? [] : ONE_PERSON) {
    const m = new RegExp(pattern.source, pattern.flags).exec(sentence);
    if (m) {
      add(m.index, m.index + m[0].length, [{ count: 1, noun: 'named person' }]);
      break;
    }
  }
  return hits;
}

/** The lowest credible number of people killed in the paragraph, and the words it came from. */
export function countFatalities(text: string): Fatalities {
  // A statistic or a trend ("Those attacks killed 2,150 people, a 44 percent rise") is no event's toll.
  const hits = splitSentences(text)
    .filter((s) => !isAggregate(s.text))
    .flatMap((s) => hitsIn(s.text, s.start));
  if (!hits.length) {
    const none = NONE_KILLED.exec(text);
    return none ? { count: 0, text: none[0] } : { count: 0 };
  }
  const totals = hits.filter((h) => h.total);
  if (totals.length) {
    const lowest = totals.reduce((a, b) => (b.groups[0]!.count < a.groups[0]!.count ? b : a));
    return { count: lowest.groups[0]!.count, text: lowest.text };
  }
  // Different victims add up; the same victims reported twice count once, at the lower figure.
  const byNoun = new Map<string, { count: number; hit: Hit }>();
  let unnamed = 0;
  for (const hit of hits) {
    for (const g of hit.groups) {
      if (!g.noun) {
        unnamed += g.count;
        continue;
      }
      const seen = byNoun.get(g.noun);
      if (!seen || g.count < seen.count) byNoun.set(g.noun, { count: g.count, hit });
    }
  }
  const count = [...byNoun.values()].reduce((n, g) => n + g.count, unnamed);
  const used = [...new Set([...byNoun.values()].map((g) => g.hit))];
  const phrases = (used.length ? used : hits).sort((a, b) => a.start - b.start).map((h) => h.text);
  return { count, text: phrases.join('; ') };
}
