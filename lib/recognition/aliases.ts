import type { AliasSpec, Entity, EntityKind } from '../kb/types';
import { COMMON_WORDS } from './common-words';
import { tokenize, type Token } from './normalize';

/**
 * Knowledge-base aliases as the matcher stores them: normalised keys, the rules each carries, and the
 * normalisation shared with integrity checks (`keyOf`).
 */

export interface CompiledAlias {
  entityId: string;
  kind: EntityKind;
  text: string;
  /** Case-exact aliases compare the matched letters (articles and punctuation dropped) with these. */
  exactLetters?: string;
  /** A common English word behind an article ("El Feel"): the article must be written too. */
  needsArticle: boolean;
  /** A one-word alias that is also an English word: only matched capitalised ("Turkey", not "turkey"). */
  needsCapital: boolean;
  rejectBefore: RegExp[];
  rejectAfter: RegExp[];
  tokenCount: number;
}

/** Words running together ("KhalifaHaftar", "baniwalid") are looked up as one token when this long. */
const MIN_JOINED_LENGTH = 7;
/** Compounds the press writes both ways: "airbase" / "air base", "oilfield" / "oil field". */
// A Map, not an object literal: page words such as "constructor" must not find Object.prototype.
export const COMPOUNDS: ReadonlyMap<string, string[]> = new Map([
  ['airbase', ['air', 'base']],
  ['oilfield', ['oil', 'field']],
  ['airfield', ['air', 'field']],
  ['seaport', ['sea', 'port']],
]);

/** The text of an alias as written in the data, with or without rules. */
export function aliasText(spec: AliasSpec): string {
  return typeof spec === 'string' ? spec : spec.text;
}

function compileRegexes(sources: string[] | undefined, where: string): RegExp[] {
  return (sources ?? []).map((source) => {
    try {
      return new RegExp(source);
    } catch (error) {
      throw new Error(`Bad context rule ${JSON.stringify(source)} on ${where}: ${(error as Error).message}`);
    }
  });
}

/** Splits compound tokens so "airbase" and "air base" are the same two tokens. */
export function expandCompounds(tokens: Token[]): Token[] {
  if (!tokens.some((t) => COMPOUNDS.has(t.norm))) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const parts = COMPOUNDS.get(t.norm);
    if (!parts) out.push(t);
    else for (const part of parts) out.push({ ...t, norm: part, letters: part });
  }
  return out;
}

/**
 * An alias compiled for the matcher, and the trie keys it is stored under: its words, and the words run
 * together when long enough ("khalifahaftar"). Undefined for an alias with no words.
 */
export function compileAlias(entity: Entity, spec: AliasSpec): { alias: CompiledAlias; keys: string[][] } | undefined {
  const text = aliasText(spec);
  const tokens = expandCompounds(tokenize(text));
  const words = tokens.filter((t) => !t.article);
  if (words.length === 0) return undefined;
  const hadArticle = tokens.some((t) => t.article);
  const single = words.length === 1 && COMMON_WORDS.has(words[0]!.norm);
  const exact = typeof spec !== 'string' && spec.case === 'exact';
  const where = `${entity.id} alias ${JSON.stringify(text)}`;
  const alias: CompiledAlias = {
    entityId: entity.id,
    kind: entity.kind,
    text,
    exactLetters: exact ? words.map((w) => w.letters).join('') : undefined,
    needsArticle: single && hadArticle,
    needsCapital: single && !hadArticle,
    rejectBefore: compileRegexes(typeof spec === 'string' ? undefined : spec.rejectBefore, where),
    rejectAfter: compileRegexes(typeof spec === 'string' ? undefined : spec.rejectAfter, where),
    tokenCount: words.length,
  };
  const keys = [words.map((w) => w.norm)];
  const joined = words.map((w) => w.norm).join('');
  if (words.length > 1 && joined.length >= MIN_JOINED_LENGTH) keys.push([joined]);
  return { alias, keys };
}

/** The normalised key an alias is stored under, for rules and integrity checks. */
export function keyOf(alias: string): string {
  return expandCompounds(tokenize(alias))
    .filter((t) => !t.article)
    .map((t) => t.norm)
    .join(' ');
}
