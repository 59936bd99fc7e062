// Generates a long live-blog page (~60,000 words) for the benchmark: many timestamped posts of news-like prose,
// with names from the knowledge base (lib/kb/data) at a natural density and the inline markup real sites use
// (links and bold around names, emphasis, quotes, lists). Deterministic: the same seed gives the same page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small fast seeded PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const aliasText = (alias) => (typeof alias === 'string' ? alias : alias?.text);

function listOf(data) {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') return Object.values(data).find((value) => Array.isArray(value)) ?? [];
  return [];
}

/** Every alias text (and name) of the KB, per kind and category. */
export function readKb(root) {
  const read = (file) => {
    const path = join(root, 'lib/kb/data', file);
    return existsSync(path) ? listOf(JSON.parse(readFileSync(path, 'utf8'))) : [];
  };
  const entries = [...read('actors.json'), ...read('places.json')].filter((e) => e && typeof e.name === 'string');
  return entries.map((e) => ({
    id: e.id,
    kind: e.kind ?? (e.lat !== undefined ? 'location' : 'actor'),
    category: e.category ?? '',
    names: [...new Set([e.name, ...(e.aliases ?? []).map(aliasText)].filter((t) => typeof t === 'string' && t.trim()))],
  }));
}

/** All alias terms of the KB (for the one-regexp mark.js baseline). */
export function kbTerms(root) {
  return [...new Set(readKb(root).flatMap((e) => e.names))];
}

// Used only when lib/kb/data is still empty, so that the benchmark can run at all.
const FALLBACK = {
  person: ['Khalifa Haftar', 'Haftar', 'Fayez al-Sarraj', 'Abdul Hamid Dbeibah', 'Aguila Saleh', 'Fathi Bashagha'],
  group: ['the LNA', 'the GNA', 'the Wagner Group', 'Misrata brigades', 'the Radaa force', 'the House of Representatives'],
  place: ['Tripoli', 'Benghazi', 'Misrata', 'Sirte', 'al-Jufra', 'Tarhuna', 'Zawiya', 'Sabha', 'Derna', 'Tobruk', 'Ras Lanuf', 'Es Sider'],
};

const S_PERSON = [
  '{person} said on {day} that the talks would go ahead as planned.',
  'A spokesman for {person} denied reports that he had left the country.',
  'In a televised speech, {person} called on fighters to respect the truce.',
  '{person} met foreign envoys in {place} to discuss the ceasefire arrangements.',
  'Supporters of {person} gathered in the main square of {place} after the announcement.',
  'Critics accuse {person} of using the crisis to strengthen his position ahead of elections.',
];
const S_GROUP = [
  '{group} said its forces had repelled an attack south of {place}.',
  'Fighters from {group} were seen moving heavy weapons towards {place}, according to residents.',
  '{group} accused its rivals of breaking the truce near {place} on {day}.',
  'A commander with {group} told reporters that the road to {place} was open again.',
  'Local officials said {group} had set up new checkpoints on the coast road.',
  'Statements from {group} could not be independently verified.',
];
const S_PLACE = [
  'Residents of {place} reported heavy shelling overnight and several houses were damaged.',
  'Flights at the airport serving {place} were suspended for several hours after rockets landed near the runway.',
  'The UN mission said it was concerned about the humanitarian situation in {place}, where thousands have fled their homes.',
  'Fuel shortages in {place} have led to long queues at petrol stations for a second week.',
  'Hospitals in {place} are running short of anaesthetics and blood bags, doctors said.',
  'The municipal council of {place} announced a curfew from ten at night until six in the morning.',
  'Power cuts in {place} lasted up to fourteen hours on {day}, the electricity company said.',
  'Traders in {place} said prices of flour and cooking oil had almost doubled since the start of the month.',
];
const S_PLAIN = [
  'The information could not be independently confirmed.',
  'There was no immediate comment from the authorities.',
  'Diplomats say the coming weeks will be decisive for the talks.',
  'Aid agencies have repeatedly called for safe corridors for civilians.',
  'Schools in several districts remain closed.',
  'Mobile networks were down for much of the afternoon.',
  'The central bank said salaries would be paid by the end of the week.',
  'Analysts say neither side can win outright on the battlefield.',
  'Families who fled last year are still waiting to return home.',
  'The ceasefire agreed in the spring has been repeatedly violated.',
  'Several journalists were briefly detained while covering the protests.',
  'The price of a cylinder of cooking gas has tripled on the black market.',
  'Negotiators are expected to meet again after the holiday.',
  'We will update this page as more information becomes available.',
];
const HEADLINES = [
  'Shelling reported near {place}',
  '{person} calls for calm',
  'Curfew announced in {place}',
  'UN urges restraint as fighting spreads',
  '{group} claims new gains',
  'Talks resume after a week of delays',
  'Power cuts hit {place}',
  'Oil exports resume from {place}',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Returns { html, words, names } for a live blog of about `targetWords` words.
 * `names` counts the KB names written into the page.
 */
export function generateLiveBlog({ root, targetWords = 60_000, seed = 2020 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const kb = readKb(root);
  const pool = { person: [], group: [], place: [] };
  for (const entry of kb) {
    // Short all-caps or ambiguous aliases still occur naturally; keep every spelling.
    const target = entry.kind === 'location' ? pool.place : entry.category === 'person' ? pool.person : pool.group;
    target.push(...entry.names.filter((n) => !/[\u0600-\u06ff]/.test(n)));
  }
  for (const key of Object.keys(pool)) if (!pool[key].length) pool[key] = FALLBACK[key];

  let words = 0;
  let names = 0;
  const name = (kind) => {
    names++;
    const text = escapeHtml(pick(pool[kind]));
    const r = rand();
    if (r < 0.12) return `<a href="#topic-${names}">${text}</a>`;
    if (r < 0.18) return `<strong>${text}</strong>`;
    return text;
  };
  const fill = (template) =>
    template
      .replace('{person}', () => name('person'))
      .replace('{group}', () => name('group'))
      .replace(/\{place\}/g, () => name('place'))
      .replace('{day}', () => pick(DAYS));
  const sentence = () => {
    const r = rand();
    // Roughly half the sentences name someone or somewhere: about one name every 20-25 words.
    const template = r < 0.14 ? pick(S_PERSON) : r < 0.3 ? pick(S_GROUP) : r < 0.55 ? pick(S_PLACE) : pick(S_PLAIN);
    let text = fill(template);
    if (rand() < 0.05) text = `<em>${text}</em>`;
    return text;
  };
  const countWords = (html) => html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;

  const posts = [];
  let minutes = 23 * 60 + 50;
  while (words < targetWords) {
    const parts = [];
    const time = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    minutes -= 3 + Math.floor(rand() * 12);
    if (minutes < 0) minutes += 24 * 60;
    const headline = fill(pick(HEADLINES));
    parts.push(`<header><time datetime="2020-05-19T${time}:00Z">${time}</time><h2>${headline}</h2></header>`);
    const paragraphs = 2 + Math.floor(rand() * 4);
    for (let p = 0; p < paragraphs; p++) {
      const r = rand();
      if (r < 0.07) {
        parts.push(`<blockquote><p>“${sentence().replace(/\.$/, '')},” an official told reporters.</p></blockquote>`);
      } else if (r < 0.12) {
        parts.push(`<ul>${Array.from({ length: 3 }, () => `<li>${sentence()}</li>`).join('')}</ul>`);
      } else {
        const n = 3 + Math.floor(rand() * 3);
        parts.push(`<p>${Array.from({ length: n }, sentence).join(' ')}</p>`);
      }
    }
    parts.push(`<footer class="share">Share <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></footer>`);
    const post = `<article class="post" id="post-${posts.length}">${parts.join('\n')}</article>`;
    words += countWords(post);
    posts.push(post);
  }

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Libya live: all the latest updates</title>
<meta property="article:published_time" content="2020-05-19T00:00:00Z">
<style>
  body { font: 17px/1.6 Georgia, "DejaVu Serif", serif; margin: 0; color: #1d1d1f; }
  main { max-width: 720px; margin: 0 auto; padding: 20px; }
  .post { border-top: 2px solid #c00; padding: 10px 0 18px; }
  .post time { font: 700 13px "DejaVu Sans", Arial, sans-serif; color: #c00; }
  .post h2 { font-size: 22px; margin: 4px 0 10px; }
  .share { font: 12px "DejaVu Sans", Arial, sans-serif; color: #777; }
  blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 14px; font-style: italic; }
</style></head>
<body><header><nav><a href="#">News</a> <a href="#">Africa</a> <a href="#">Libya</a></nav></header>
<main><h1>Libya live: fighting around the capital, talks in Geneva</h1>
<p class="standfirst">Rolling coverage of the conflict, updated through the day by our correspondents.</p>
${posts.join('\n')}
</main></body></html>`;
  return { html, words, names, posts: posts.length, kbEntries: kb.length };
}
