/**
 * A clip's id, stable across re-clips: the same paragraph of the same article gives the same id whether
 * the reader came from a newsletter link full of tracking parameters or the text reflowed. Synchronous
 * (crypto.subtle.digest is async) and the same in every context: a content script, the worker, an import.
 */

/**
 * Query parameters that say how the reader arrived, not what they read. Matched case-insensitively; a
 * trailing `*` is a prefix (utm_source, BBC's at_medium/at_campaign, Webtrends' ns_mchannel …).
 */
const TRACKING_PARAMS = [
  'utm_*', 'at_*', 'ns_*', 'mc_cid', 'mc_eid', 'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid',
  'yclid', 'twclid', 'ttclid', 'igshid', 'li_fat_id', 'mkt_tok', '_ga', '_gl', '_hsenc', '_hsmi', 'oly_anon_id',
  'oly_enc_id', 'vero_id', 'wt.mc_id', 'cmpid', 'cmp', 'ocid', 'smid', 'smtyp', 'ito', 's_cid', 'sr_share',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', 'icid', 'ref_src', 'ref_url',
];
const EXACT = new Set(TRACKING_PARAMS.filter((p) => !p.endsWith('*')));
const PREFIXES = TRACKING_PARAMS.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return EXACT.has(lower) || PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The article's address without what varies between visits: fragment, tracking parameters, host case,
 * default port, a trailing slash on a path (not the root), parameter order. A string that does not
 * parse as a URL only loses its fragment.
 */
export function normaliseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim().replace(/#.*$/s, '');
  }
  parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  parsed.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  // URL already lower-cases the host and drops the scheme's default port (WHATWG URL "basic URL parser").
  return parsed.href;
}

const QUOTE_FOLDS: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ''],
];

/** The paragraph as compared for identity: NFKC, typography folded, whitespace collapsed, lower case. */
export function normaliseClipText(text: string): string {
  let out = text.normalize('NFKC');
  for (const [pattern, replacement] of QUOTE_FOLDS) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * 64 bits from two 32-bit lanes mixed as in cyrb53 (bryc, public domain:
 * https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js), both lanes kept whole.
 * Not cryptographic; at a reader's scale (thousands of clips) a collision is ~1e-12 likely.
 */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** clipId() writes `clip-` and 16 hex digits; older test data and fixtures use shorter ids of the same alphabet. */
export const CLIP_ID = /^clip-[0-9a-z]{1,64}$/;

export function clipId(url: string, text: string): string {
  return `clip-${hash64(`${normaliseUrl(url)}\n${normaliseClipText(text)}`)}`;
}
