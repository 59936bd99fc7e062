/**
 * How well an event is sourced, in Airwars' civilian-harm grades (../shared/docs/domain.md, "Airwars"):
 * contested (competing claims) before confirmed (a belligerent accepted responsibility) before fair (two
 * or more independent sources) before weak (a single source). Wire copy counts once: outlets running the
 * same agency story are one source, which is what "independent" means to an analyst.
 */
import { interCode, isArmed, resolveActorEntry } from '../extraction/acled-actors';
import { status } from '../extraction/attribution';
import { normaliseClipText } from '../extraction/clip-id';
import type { AttributionStatement, ClipRecord, EventActor, Party } from '../extraction/types';
import type { Grade } from './types';

/** The outlet as the reader sees it: the page's site name, else the host without "www.". */
export function outletOf(clip: ClipRecord): string {
  const outlet = clip.article.outlet.trim();
  if (outlet) return outlet;
  try {
    return new URL(clip.article.url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown outlet';
  }
}

/** Distinct outlets (ignoring case) in clip order, each as first written. */
export function outletsOf(clips: readonly ClipRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const clip of clips) {
    const outlet = outletOf(clip);
    const key = outlet.toLowerCase();
    if (!seen.has(key)) seen.set(key, outlet);
  }
  return [...seen.values()];
}

/** News agencies whose copy other outlets run, by the names they appear under (lower case). */
const AGENCIES: Record<string, string> = {
  reuters: 'Reuters',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  ap: 'AP',
  'associated press': 'AP',
  'the associated press': 'AP',
  anadolu: 'Anadolu',
  'anadolu agency': 'Anadolu',
  aa: 'Anadolu',
  xinhua: 'Xinhua',
  dpa: 'dpa',
  ansa: 'ANSA',
  efe: 'EFE',
  lana: 'LANA',
  'libyan news agency': 'LANA',
};
/** The agency of a dateline credit in `text`: "TRIPOLI (Reuters) -", "(AFP) —". */
function creditIn(text: string): string | undefined {
  for (let close = text.indexOf(')'); close >= 0; close = text.indexOf(')', close + 1)) {
    const open = text.lastIndexOf('(', close);
    if (open < 0 || close - open > 30) continue;
    const agency = AGENCIES[text.slice(open + 1, close).trim().toLowerCase()];
    if (agency && /^\s*[-–—:]/.test(text.slice(close + 1, close + 4))) return agency;
  }
  return undefined;
}

/** The agency a clip's copy is credited to: the dateline just before the clip, or at its start. */
function wireCredit(clip: ClipRecord): string | undefined {
  for (const selector of clip.selectors) {
    if (selector.type !== 'TextQuoteSelector') continue;
    const credit = creditIn(selector.prefix);
    if (credit) return credit;
    break;
  }
  return creditIn(clip.text.slice(0, 80));
}

/** Whether a UTF-16 code is part of a word: ASCII letters and digits, and anything past Latin-1 punctuation. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 0xc0 && (c < 0x2000 || c > 0x206f));
}

const shingleCache = new WeakMap<ClipRecord, Set<number>>();

/**
 * Hashed word trigrams of a clip (case folded): near-identical paragraphs share nearly all of them.
 * Hashes, not strings, because this runs for every clip of every multi-outlet event when the timeline
 * opens; kept per clip because the timeline regroups at each new clip.
 */
function shingles(clip: ClipRecord): Set<number> {
  const cached = shingleCache.get(clip);
  if (cached) return cached;
  const text = clip.text.toLowerCase();
  const words: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isWordCode(c)) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      words.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  const out = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++) out.add((Math.imul(Math.imul(words[i]!, 31) + words[i + 1]!, 31) + words[i + 2]!) | 0);
  if (!out.size) out.add(words.reduce((acc, w) => Math.imul(acc, 31) + w, 0) | 0);
  shingleCache.set(clip, out);
  return out;
}

/** Share of the shorter text's trigrams found in the other: tolerant of an outlet adding or trimming a sentence. */
function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

const NEAR_IDENTICAL = 0.8;
/** Pairwise text comparison is quadratic; past this many clips only exact copies and credits are merged. */
const MAX_COMPARED = 40;

interface Source {
  /** The agency or first outlet the group stands for. */
  label: string;
  outlets: string[];
}

/** Outlets grouped into independent sources: same agency credit, identical or near-identical text. */
export function independentSources(clips: readonly ClipRecord[]): Source[] {
  if (clips.length === 1) {
    const outlet = outletOf(clips[0]!);
    return [{ label: wireCredit(clips[0]!) ?? outlet, outlets: [outlet] }];
  }
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const outletKey = (clip: ClipRecord) => {
    const lower = outletOf(clip).toLowerCase();
    return AGENCIES[lower] ? `wire:${AGENCIES[lower]}` : lower;
  };
  const keys = clips.map(outletKey);
  for (const k of keys) if (!parent.has(k)) parent.set(k, k);
  const credits = new Map<string, string>();
  clips.forEach((clip, i) => {
    const agency = wireCredit(clip);
    if (!agency) return;
    const wire = `wire:${agency}`;
    if (!parent.has(wire)) parent.set(wire, wire);
    credits.set(wire, agency);
    union(wire, keys[i]!);
  });
  if (new Set(keys.map(find)).size > 1) {
    const compared = clips.slice(0, MAX_COMPARED).map(shingles);
    for (let i = 0; i < compared.length; i++)
      for (let j = i + 1; j < compared.length; j++)
        if (find(keys[i]!) !== find(keys[j]!) && containment(compared[i]!, compared[j]!) >= NEAR_IDENTICAL) union(keys[i]!, keys[j]!);
    // Past the clips compared pairwise, only exact copies are found (in linear time).
    const byText = new Map<string, string>();
    if (clips.length > MAX_COMPARED) clips.forEach((clip, i) => {
      const text = normaliseClipText(clip.text);
      const seen = byText.get(text);
      if (seen) union(seen, keys[i]!);
      else byText.set(text, keys[i]!);
    });
  }
  const agencyOf = new Map<string, string>();
  for (const [wire, agency] of credits) if (!agencyOf.has(find(wire))) agencyOf.set(find(wire), agency);
  const groups = new Map<string, Source>();
  clips.forEach((clip, i) => {
    const root = find(keys[i]!);
    const outlet = outletOf(clip);
    const group = groups.get(root);
    if (!group) groups.set(root, { label: agencyOf.get(root) ?? outlet, outlets: [outlet] });
    else if (!group.outlets.some((o) => o.toLowerCase() === outlet.toLowerCase())) group.outlets.push(outlet);
  });
  return [...groups.values()];
}

function describeSource(source: Source): string {
  const others = source.outlets.filter((o) => o.toLowerCase() !== source.label.toLowerCase());
  if (!others.length) return source.label;
  return `${source.label} (${others.join(', ')} ${others.length > 1 ? 'repeat' : 'repeats'} its copy)`;
}

// ───────────────────────────── claims ─────────────────────────────

/** Whether a party is an armed actor: as the clips' own actors code it, else as the knowledge base does. */
function isArmedParty(party: Party, actors: readonly EventActor[]): boolean {
  const own = actors.find((a) => (party.entityId ? a.entityId === party.entityId : a.name.toLowerCase() === party.name.toLowerCase()));
  if (own) return isArmed(own);
  const entry = party.entityId ? resolveActorEntry(party.entityId) : undefined;
  return !!entry && isArmed({ name: entry.name, inter: interCode(entry) });
}

function statementText(s: AttributionStatement): string {
  if (s.stance === 'claimed') return `${s.by.name} claimed it`;
  if (s.stance === 'denied') return `${s.by.name} denied it`;
  return s.about ? `${s.by.name} blamed ${s.about.name}` : `${s.by.name} alleged it`;
}

/** "A blamed B (Reuters); B denied it (Reuters, AFP)" */
function describeStatements(entries: readonly { statement: AttributionStatement; outlet: string }[]): string {
  const parts = new Map<string, string[]>();
  for (const { statement, outlet } of entries) {
    const text = statementText(statement);
    const outlets = parts.get(text) ?? [];
    if (!outlets.includes(outlet)) outlets.push(outlet);
    parts.set(text, outlets);
  }
  return [...parts].map(([text, outlets]) => `${text} (${outlets.join(', ')})`).join('; ');
}

function contestedReason(clips: readonly ClipRecord[]): string | undefined {
  const own = clips.find((clip) => clip.attribution.status === 'contested');
  if (own) {
    const entries = own.attribution.statements.map((statement) => ({ statement, outlet: outletOf(own) }));
    return entries.length ? `Competing claims: ${describeStatements(entries)}` : `Competing claims reported by ${outletOf(own)}`;
  }
  // One clip's own status already says whether its statements compete.
  if (clips.length < 2) return undefined;
  const entries = clips.flatMap((clip) => clip.attribution.statements.map((statement) => ({ statement, outlet: outletOf(clip) })));
  if (status(entries.map((e) => e.statement)) === 'contested') return `Competing claims across sources: ${describeStatements(entries)}`;
  const named = new Map<string, { name: string; outlets: string[] }>();
  for (const clip of clips) {
    const doer = clip.actor1;
    if (clip.attribution.perpetrator !== 'named' || !doer?.entityId) continue;
    const entry = named.get(doer.entityId) ?? { name: doer.name, outlets: [] };
    if (!entry.outlets.includes(outletOf(clip))) entry.outlets.push(outletOf(clip));
    named.set(doer.entityId, entry);
  }
  if (named.size > 1) {
    const list = [...named.values()].map((n) => `${n.name} (${n.outlets.join(', ')})`).join('; ');
    return `Sources name different perpetrators: ${list}`;
  }
  return undefined;
}

function confirmedReason(clips: readonly ClipRecord[]): string | undefined {
  const claims = (clip: ClipRecord) => clip.attribution.status === 'claimed' || clip.attribution.statements.some((s) => s.stance === 'claimed');
  if (!clips.some(claims)) return undefined;
  const actors = clips.flatMap((c) => [c.actor1, c.actor2, ...c.assocActors1, ...c.assocActors2]).filter((a): a is EventActor => !!a);
  for (const clip of clips) {
    const claim = clip.attribution.statements.find((s) => s.stance === 'claimed' && isArmedParty(s.by, actors));
    if (claim) return `${claim.by.name} claimed responsibility (${outletOf(clip)})`;
  }
  const claimed = clips.find((clip) => clip.attribution.status === 'claimed');
  if (!claimed) return undefined;
  const claim = claimed.attribution.statements.find((s) => s.stance === 'claimed');
  return `${claim ? claim.by.name : 'A belligerent'} claimed responsibility (${outletOf(claimed)})`;
}

/** The event's grade and why, from its clips in clip order. */
export function gradeClips(clips: readonly ClipRecord[]): { grade: Grade; reason: string } {
  const contested = contestedReason(clips);
  if (contested) return { grade: 'contested', reason: contested };
  const confirmed = confirmedReason(clips);
  if (confirmed) return { grade: 'confirmed', reason: confirmed };
  const sources = independentSources(clips);
  if (sources.length > 1) {
    return { grade: 'fair', reason: `${sources.length} independent sources: ${sources.map(describeSource).join(', ')}` };
  }
  return { grade: 'weak', reason: `Single source: ${sources.map(describeSource).join(', ')}` };
}
