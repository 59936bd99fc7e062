/**
 * The schema.org JSON-LD a news page describes itself with (https://schema.org/NewsArticle): the main
 * article node, the page node, and names behind `@id` references. Malformed scripts are skipped, never fatal.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses one script's text; broken JSON-LD is common and must never stop the clip. */
function parseJsonLd(raw: string): Json | undefined {
  // CMSs wrap the JSON in <!-- --> or CDATA for old parsers, and leave raw line breaks inside strings.
  const text = raw
    .trim()
    .replace(/^(?:<!--|(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?)/, '')
    .replace(/(?:-->|(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?)$/, '')
    .trim()
    .replace(/;$/, '');
  try {
    return JSON.parse(text) as Json;
  } catch {
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

const typesOf = (node: JsonObject): string[] => {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
};

/** schema.org's CreativeWork kinds a news page describes itself with (NewsArticle, ReportageNews, BlogPosting …). */
const ARTICLE_TYPE = /(?:Article|Posting|ReportageNews)$/;
const PAGE_TYPE = /^(?:WebPage|ItemPage)$/;

export interface LinkedData {
  /** The page's main article: first article-typed node, lists of related articles last. */
  article?: JsonObject;
  /** A WebPage node, whose dates stand in when no article node has them. */
  page?: JsonObject;
  /** Resolves `{"@id": …}` references (Yoast's @graph points from the article to its author and publisher). */
  resolve(value: Json | undefined): Json | undefined;
}

export function readLinkedData(scripts: readonly string[]): LinkedData {
  const byId = new Map<string, JsonObject>();
  const articles: { node: JsonObject; listed: boolean }[] = [];
  let page: JsonObject | undefined;
  let budget = 2000;
  const visit = (value: Json, depth: number, listed: boolean) => {
    if (depth > 8 || budget-- <= 0) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1, listed);
      return;
    }
    if (!isObject(value)) return;
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
    const types = typesOf(value);
    if (types.some((t) => ARTICLE_TYPE.test(t))) articles.push({ node: value, listed });
    else if (!page && types.some((t) => PAGE_TYPE.test(t))) page = value;
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) visit(child, depth + 1, listed || key === 'itemListElement');
    }
  };
  for (const script of scripts) {
    const parsed = parseJsonLd(script);
    if (parsed !== undefined) visit(parsed, 0, false);
  }
  const resolve = (value: Json | undefined): Json | undefined => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
  const article = (articles.find((a) => !a.listed) ?? articles[0])?.node;
  return { article, page, resolve };
}

/** Names in a JSON-LD person/organisation value: "X", {name: "X"}, [{…}, "Y"], or @id references. */
export function ldNames(value: Json | undefined, ld: LinkedData): string[] {
  const resolved = ld.resolve(value);
  if (typeof resolved === 'string') return [resolved];
  if (Array.isArray(resolved)) return resolved.flatMap((v) => (Array.isArray(v) ? [] : ldNames(v, ld)));
  if (isObject(resolved) && typeof resolved.name === 'string') return [resolved.name];
  return [];
}

export const ldString = (node: JsonObject | undefined, key: string) => (typeof node?.[key] === 'string' ? node[key] : undefined);
