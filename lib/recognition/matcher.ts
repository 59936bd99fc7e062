import type { Entity, SharedAliasRule } from '../kb/types';
import { COMPOUNDS, compileAlias, expandCompounds, keyOf, type CompiledAlias } from './aliases';
import { COMMON_WORDS } from './common-words';
import { hashLower, HYPHEN_ARTICLES, isPlainWord, nextWord, tokenize, type Token, type WordBounds } from './normalize';
import type { TextMatch } from './types';

/**
 * Finds every knowledge-base alias in a text in one pass over its tokens: a trie keyed by normalised
 * tokens, walked from each token, longest match first. One pass matters: ~100 terms × a long article
 * took mark.js-style per-term regexes tens of seconds (style.md, "Pitfalls").
 */

interface TrieNode {
  next?: Map<string, TrieNode>;
  aliases?: CompiledAlias[];
}

/** How far past its first word a name may run (the longest aliases are ~80 characters). */
const MAX_WINDOW = 400;
/** How far around a match the context rules look. */
const CONTEXT = 40;
/** Between two words of one name: spaces, hyphens, an optional possessive, or the dot of "U.S.". */
const PHRASE_GAP = /^(?:['’]s)?[\s\u00a0\-‐‑‒–—'’]*$|^\.$/;

export interface MatcherInput {
  entities: readonly Entity[];
  sharedAliases?: readonly SharedAliasRule[];
}

export interface AliasConflict {
  key: string;
  entityIds: string[];
}

export interface MatcherOptions {
  /**
   * Compile the aliases only when `build()` is called (in slices) or on the first `find()`. Building
   * takes ~50–150 ms in a cold content script: one long task on every page, unless sliced.
   */
  deferred?: boolean;
  /** Send every word down the full tokeniser path: the reference the scan's shortcuts are tested against. */
  noShortcuts?: boolean;
}

export class Matcher {
  private readonly root = new Map<string, TrieNode>();
  /** hashLower of every word that can start a name (and of compounds), for the allocation-free scan. */
  private readonly startHashes = new Set<number>([...COMPOUNDS.keys()].map((w) => hashLower(w, 0, w.length)));
  private readonly winners = new Map<string, string>();
  private readonly claimed = new Map<string, Set<string>>();
  private readonly queue: readonly Entity[];
  private built = 0;
  private count = 0;
  private readonly shortcuts: boolean;

  constructor(input: MatcherInput, options: MatcherOptions = {}) {
    this.shortcuts = !options.noShortcuts;
    for (const rule of input.sharedAliases ?? []) this.winners.set(keyOf(rule.alias), rule.winner);
    this.queue = input.entities;
    if (!options.deferred) this.build();
  }

  get ready(): boolean {
    return this.built >= this.queue.length;
  }

  /**
   * Compiles entities until `more()` returns false (checked after each one) or all are done; returns
   * whether the matcher is complete. Lets a page build it in idle slices.
   */
  build(more: () => boolean = () => true): boolean {
    while (this.built < this.queue.length) {
      this.add(this.queue[this.built++]!);
      if (!more()) break;
    }
    return this.ready;
  }

  get aliasCount(): number {
    this.build();
    return this.count;
  }

  /** Normalised alias keys claimed by more than one entity and not settled by a shared-alias rule. */
  get conflicts(): AliasConflict[] {
    this.build();
    const conflicts: AliasConflict[] = [];
    for (const [key, owners] of this.claimed) {
      if (owners.size > 1 && !this.winners.has(key)) conflicts.push({ key, entityIds: [...owners] });
    }
    return conflicts;
  }

  private add(entity: Entity): void {
    // The canonical name is an alias too, unless an alias already spells it (with its rules: a
    // case-exact "Chad" must not come back in through the name).
    const nameKey = keyOf(entity.name);
    const compiledAliases = entity.aliases.map((spec) => compileAlias(entity, spec));
    const named = compiledAliases.some((c) => c?.keys[0]!.join(' ') === nameKey);
    if (!named) compiledAliases.push(compileAlias(entity, entity.name));
    for (const compiled of compiledAliases) {
      if (!compiled) continue;
      const { alias, keys } = compiled;
      const mainKey = keys[0]!.join(' ');
      const owners = this.claimed.get(mainKey) ?? new Set();
      owners.add(entity.id);
      this.claimed.set(mainKey, owners);
      const winner = this.winners.get(mainKey);
      if (winner && winner !== entity.id) continue;
      for (const key of keys) this.insert(key, alias);
      this.count++;
    }
  }

  private insert(key: string[], alias: CompiledAlias): void {
    this.startHashes.add(hashLower(key[0]!, 0, key[0]!.length));
    let level = this.root;
    let node: TrieNode | undefined;
    for (const part of key) {
      node = level.get(part);
      if (!node) {
        node = {};
        level.set(part, node);
      }
      level = node.next ??= new Map();
    }
    const list = (node!.aliases ??= []);
    // The same key from two spellings of one entity ("Haftar", "HAFTAR") is one alias.
    if (!list.some((a) => a.entityId === alias.entityId && a.exactLetters === alias.exactLetters)) list.push(alias);
  }

  /** Every alias occurrence in `text`, left to right, non-overlapping, longest match at each position. */
  find(text: string): TextMatch[] {
    this.build();
    const matches: TextMatch[] = [];
    const word: WordBounds = { start: 0, end: 0 };
    const after: WordBounds = { start: 0, end: 0 };
    let prevStart = -1;
    let i = 0;
    // Most words of a page start no name: a cheap scan skips them, and only a word that could start a
    // name gets the full tokeniser, over a window around it.
    while (nextWord(text, i, word)) {
      const plain = isPlainWord(text, word.start, word.end);
      if (
        !this.shortcuts ||
        !plain ||
        (this.startHashes.has(hashLower(text, word.start, word.end)) && !this.cannotStartHere(text, word, after))
      ) {
        const match = this.matchAt(text, prevStart >= 0 ? prevStart : word.start, word.start);
        if (match) {
          matches.push(match);
          i = match.end;
          prevStart = -1;
          continue;
        }
      }
      prevStart = word.start;
      i = word.end;
    }
    return matches;
  }

  /**
   * For a plain word that starts some alias: true when it certainly starts none here, because its one-word
   * aliases are case-exact or capitalised-only and it is written otherwise ("is", "turkey") and the next
   * word cannot continue a longer name. Spares the tokeniser the commonest false starts; anything less
   * than certain (articles, punctuation, unusual words) goes to the full path.
   */
  private cannotStartHere(text: string, word: WordBounds, next: WordBounds): boolean {
    const raw = text.slice(word.start, word.end);
    const node = this.root.get(raw.toLowerCase());
    if (!node) return !COMPOUNDS.has(raw.toLowerCase());
    const lowerInitial = raw[0] === raw[0]!.toLowerCase();
    const fails = (a: CompiledAlias) =>
      (a.exactLetters !== undefined && a.exactLetters !== raw) || (a.needsCapital && lowerInitial);
    if (node.aliases && !node.aliases.every(fails)) return false;
    if (!node.next) return true;
    if (!nextWord(text, word.end, next)) return true;
    if (!isPlainWord(text, next.start, next.end)) return false;
    if (!PHRASE_GAP.test(text.slice(word.end, next.start))) return true;
    const norm = text.slice(next.start, next.end).toLowerCase();
    if (HYPHEN_ARTICLES.has(norm) || COMPOUNDS.has(norm)) return false;
    return !node.next.has(norm);
  }

  /**
   * The longest name starting at the word at `at`; the window starts one word earlier, for articles, and
   * grows while the trie walk reaches its end (most names are one to three words).
   */
  private matchAt(text: string, windowStart: number, at: number): TextMatch | undefined {
    for (let size = 48; ; size *= 4) {
      const to = Math.min(text.length, at + size);
      const final = to === text.length || size > MAX_WINDOW;
      const result = this.matchInWindow(text, windowStart, at, to, final);
      if (result !== 'grow') return result;
    }
  }

  private matchInWindow(
    text: string,
    windowStart: number,
    at: number,
    to: number,
    final: boolean,
  ): TextMatch | undefined | 'grow' {
    const all = expandCompounds(tokenize(text, windowStart, to));
    // Words only; remember whether each was written with an article in front ("al-Watiya").
    const words: Token[] = [];
    const articleStart: number[] = [];
    let first = -1;
    for (let k = 0; k < all.length; k++) {
      const t = all[k]!;
      if (t.article) continue;
      const prev = all[k - 1];
      if (first < 0 && t.start >= at) first = words.length;
      words.push(t);
      articleStart.push(prev?.article ? prev.start : -1);
    }
    if (first < 0) return undefined;
    const found = this.longestAt(text, words, articleStart, first);
    // A walk (or the shouting check) that needed the window's last word may need more words.
    if (!final && (found ? found.next >= words.length - 1 : this.walkReachesEnd(text, words, articleStart, first))) {
      return 'grow';
    }
    return found?.match;
  }

  private walkReachesEnd(text: string, words: Token[], articleStart: number[], i: number): boolean {
    let level: Map<string, TrieNode> | undefined = this.root;
    let j = i;
    for (; j < words.length && level; j++) {
      if (j > i && !PHRASE_GAP.test(gapBetween(text, words, articleStart, j))) return false;
      const node: TrieNode | undefined = level.get(words[j]!.norm);
      if (!node) return false;
      level = node.next;
    }
    return j >= words.length && !!level;
  }

  private longestAt(
    text: string,
    words: Token[],
    articleStart: number[],
    i: number,
  ): { match: TextMatch; next: number } | undefined {
    // Collect the terminals along the walk, then try them longest first.
    const candidates: Array<{ aliases: CompiledAlias[]; last: number }> = [];
    let level: Map<string, TrieNode> | undefined = this.root;
    for (let j = i; j < words.length && level; j++) {
      if (j > i && !PHRASE_GAP.test(gapBetween(text, words, articleStart, j))) break;
      const node: TrieNode | undefined = level.get(words[j]!.norm);
      if (!node) break;
      if (node.aliases) candidates.push({ aliases: node.aliases, last: j });
      level = node.next;
    }
    for (let c = candidates.length - 1; c >= 0; c--) {
      const { aliases, last } = candidates[c]!;
      for (const alias of aliases) {
        const match = this.accept(text, words, articleStart, i, last, alias);
        if (match) return { match, next: last + 1 };
      }
    }
    return undefined;
  }

  private accept(
    text: string,
    words: Token[],
    articleStart: number[],
    first: number,
    last: number,
    alias: CompiledAlias,
  ): TextMatch | undefined {
    const head = words[first]!;
    const withArticle = articleStart[first]!;
    if (alias.needsArticle && withArticle < 0) return undefined;
    if (alias.needsCapital && !startsUpper(head.letters)) return undefined;
    if (alias.exactLetters !== undefined) {
      let letters = '';
      for (let k = first; k <= last; k++) letters += words[k]!.letters;
      if (letters !== alias.exactLetters) return undefined;
      if (alias.tokenCount === 1 && COMMON_WORDS.has(alias.exactLetters.toLowerCase()) && this.shouted(words, first, last)) return undefined;
    }
    const start = withArticle >= 0 ? withArticle : head.start;
    const end = words[last]!.end;
    if (alias.rejectBefore.length) {
      const before = text.slice(Math.max(0, start - CONTEXT), start);
      if (alias.rejectBefore.some((re) => re.test(before))) return undefined;
    }
    if (alias.rejectAfter.length) {
      const after = text.slice(end, end + CONTEXT);
      if (alias.rejectAfter.some((re) => re.test(after))) return undefined;
    }
    return { start, end, entityId: alias.entityId, kind: alias.kind, source: 'kb' };
  }

  /**
   * "ISIS IS LOSING GROUND": a neighbouring all-capitals word that is not itself a name means the text
   * is shouting, and "IS" / "US" there are the English words. "US AFRICOM" is still a name.
   */
  private shouted(words: Token[], first: number, last: number): boolean {
    const shout = (t: Token | undefined) =>
      !!t && t.letters.length >= 2 && /\p{L}/u.test(t.letters) && t.letters === t.letters.toUpperCase() && !this.root.has(t.norm);
    return shout(words[first - 1]) || shout(words[last + 1]);
  }
}

function gapBetween(text: string, words: Token[], articleStart: number[], j: number): string {
  // An article between two words of a name ("Ansar al-Sharia") belongs to the name.
  const to = articleStart[j]! >= 0 ? articleStart[j]! : words[j]!.start;
  return text.slice(words[j - 1]!.end, to);
}

function startsUpper(letters: string): boolean {
  const ch = letters[0] ?? '';
  return ch !== ch.toLowerCase();
}
