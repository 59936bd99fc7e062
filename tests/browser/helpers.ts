import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasText } from '../../lib/recognition/aliases';
import { ROOT } from './build.mjs';
import { paintedTexts, probe, sleep, waitForSettled, type Evaluates } from './page.mjs';

export { ROOT };
export const ARTIFACTS = join(ROOT, 'tests/.artifacts');
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export { probe, sleep, waitForSettled, paintedTexts, type Evaluates };

export interface RangeInfo {
  text: string;
  where: string;
  connected: boolean;
  /** False for a StaticRange whose offsets no longer fit its nodes. */
  valid: boolean;
  static: boolean;
  forbidden: string;
  element: string;
  testid: string;
}
export interface HighlightInfo {
  name: string;
  ranges: RangeInfo[];
}
export interface MeasureStats {
  count: number;
  total: number;
  max: number;
  lastEnd: number;
}

export const readHighlights = (target: Evaluates) => probe<HighlightInfo[]>(target, 'P.highlights()');
export const rangeCount = (target: Evaluates) => probe<number>(target, 'P.rangeCount()');
export const measureStats = (target: Evaluates) => probe<MeasureStats>(target, 'P.measureStats()');

/** Polls `check` until it returns a truthy value; throws `message` (plus the last value) on time-out. */
export async function waitFor<T>(
  check: () => Promise<T>,
  message: string,
  timeoutMs = 10_000,
  everyMs = 150,
): Promise<NonNullable<T>> {
  const started = Date.now();
  let value: T | undefined;
  while (Date.now() - started < timeoutMs) {
    value = await check();
    if (value) return value as NonNullable<T>;
    await sleep(everyMs);
  }
  throw new Error(`${message} (waited ${timeoutMs} ms; last value: ${JSON.stringify(value)})`);
}

// ---------------------------------------------------------------------------------------------------------
// The knowledge base, read straight from lib/kb/data, so that the tests check the page against what the
// extension is meant to know rather than against names hard-coded here.

type AliasSpec = string | { text: string; case?: 'exact' };
export interface KbEntry {
  id: string;
  name: string;
  kind: 'actor' | 'location';
  aliases: AliasSpec[];
}

export const norm = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .trim();

function entriesOf(file: string, kind: KbEntry['kind']): KbEntry[] {
  const path = join(ROOT, 'lib/kb/data', file);
  if (!existsSync(path)) return [];
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(data)
    ? data
    : Object.values(data as Record<string, unknown>).find((value) => Array.isArray(value)) ?? [];
  return (list as Array<Partial<KbEntry>>)
    .filter((e) => typeof e?.id === 'string' && typeof e?.name === 'string')
    .map((e) => ({ id: e.id!, name: e.name!, kind: e.kind ?? kind, aliases: e.aliases ?? [] }));
}

let kbCache: KbEntry[] | undefined;
export function kb(): KbEntry[] {
  kbCache ??= [...entriesOf('actors.json', 'actor'), ...entriesOf('places.json', 'location')];
  return kbCache;
}

/** Every KB name and alias, normalised. */
export function kbAliasSet(): Set<string> {
  return new Set(kb().flatMap((e) => [e.name, ...e.aliases.map(aliasText)]).map(norm));
}

/** The KB entry of `kind` that has `text` (one of the accepted spellings) as its name or an alias. */
export function kbEntryFor(spellings: string[], kind: KbEntry['kind']): KbEntry | undefined {
  const wanted = new Set(spellings.map(norm));
  return kb().find((e) => e.kind === kind && [e.name, ...e.aliases.map(aliasText)].some((a) => wanted.has(norm(a))));
}

/**
 * Names in demo-article.html that a reader expects painted. `text` is what must lie inside a range of the
 * entity's highlight; `kb` lists the alias spellings that would make the KB recognise it there.
 */
export interface ExpectedName {
  text: string;
  kind: KbEntry['kind'];
  kb: string[];
}
const actor = (text: string, ...kbSpellings: string[]): ExpectedName => ({ text, kind: 'actor', kb: [text, ...kbSpellings] });
const place = (text: string, ...kbSpellings: string[]): ExpectedName => ({ text, kind: 'location', kb: [text, ...kbSpellings] });

/** In the article body (main document, light DOM). The first three are the minimum any build must paint. */
export const EXPECTED_MAIN: ExpectedName[] = [
  actor('Haftar', 'Khalifa Haftar'),
  place('Tripoli'),
  place('Sirte'),
  actor('Hifter', 'Khalifa Hifter'),
  actor('Heftar'),
  actor('LNA', 'Libyan National Army'),
  actor('GNA', 'Government of National Accord'),
  actor('Sarraj', 'Fayez al-Sarraj', 'al-Sarraj'),
  actor('Serraj', 'Fayez al-Serraj', 'al-Serraj'),
  actor('Wagner', 'Wagner Group'),
  actor('Aguila Saleh'),
  place('Misrata'),
  place('Misurata'),
  place('Watiya', 'al-Watiya', 'al-Watiya airbase', 'Watiya airbase'),
  place('Jufra', 'al-Jufra', 'al-Jufra airbase', 'Jufra airbase'),
  place('Es Sider'),
  place('Ras Lanuf'),
  place('Maitiga', 'Maitiga airport', 'Mitiga'),
  place('Mitiga', 'Mitiga airport'),
  place('Tarhuna'),
  place('Zawiya'),
  place('Sabratha'),
  place('Zintan'),
];
export const MINIMUM_MAIN = EXPECTED_MAIN.slice(0, 3);
/** Only in the paragraph added 1.5 s after load. */
export const LATE_NAME = place('Brega');
/** Only inside the <lens-factbox> custom element's open shadow root. */
export const SHADOW_NAME = place('Benghazi');
/** Only inside the same-origin iframe (related-box.html). */
export const IFRAME_NAME = place('Tobruk');
/** Names the framework page writes (any of its headlines and items). */
export const FRAMEWORK_NAMES: ExpectedName[] = [
  place('Tripoli'),
  place('Sirte'),
  place('Misrata'),
  place('Misurata'),
  place('Tarhuna'),
  place('Benghazi'),
  place('Zawiya'),
  place('Sabha'),
  actor('Haftar', 'Khalifa Haftar'),
  actor('LNA', 'Libyan National Army'),
  actor('GNA', 'Government of National Accord'),
];

/** The highlight names an entity of `kind` may be painted with: the KB one first, the NER one as fallback. */
export const highlightNamesFor = (kind: KbEntry['kind']) => [`libya-lens-${kind}`, `libya-lens-ner-${kind}`];

/** Ranges of `highlights` of the KB highlight for `kind` whose text contains `text` (case-insensitive). */
export function rangesWith(highlights: HighlightInfo[], kind: KbEntry['kind'], text: string, { ner = false } = {}) {
  const names = ner ? highlightNamesFor(kind) : [`libya-lens-${kind}`];
  return highlights
    .filter((h) => names.includes(h.name))
    .flatMap((h) => h.ranges)
    .filter((r) => norm(r.text).includes(norm(text)));
}
