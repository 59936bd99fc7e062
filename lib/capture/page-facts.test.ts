// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { readArticleMeta } from '../extraction/metadata';
import { UI_HOST_ATTR } from '../highlight/dom-rules';
import { collectPageFacts, collectUrlFacts } from './page-facts';

const PAGE_URL = 'https://www.libyamonitor.example/news/2020/07/10/haftar-forces-shell-tripoli?utm_source=twitter#comments';

/**
 * A news page as they come: consent banner, trackers, two JSON-LD blocks (one broken), Open Graph tags, a
 * "Most read" sidebar and related-article teasers whose dates come before the article's own in document
 * order, a newsletter box, a comment form, and the extension's own panel. Written for this test.
 */
const FIXTURE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Haftar’s forces shell Tripoli suburbs as talks stall | Libya Monitor</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="content-language" content="en">
  <meta property="og:site_name" content="Libya Monitor">
  <meta property="og:title" content="Haftar’s forces shell Tripoli suburbs as talks stall">
  <meta property="og:url" content="https://www.libyamonitor.example/news/2020/07/10/haftar-forces-shell-tripoli">
  <meta property="og:locale" content="en_GB">
  <meta property="article:published_time" content="2020-07-10T21:15:00+02:00">
  <meta property="article:author" content="https://www.facebook.com/amira.salem.journalist">
  <meta name="author" content="By Amira Salem">
  <meta name="robots" content="max-image-preview:large">
  <link rel="preconnect" href="https://cdn.libyamonitor.example">
  <link rel="canonical" href="/news/2020/07/10/haftar-forces-shell-tripoli">
  <link rel="alternate" hreflang="ar" href="/ar/news/2020/07/10/haftar">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Haftar’s forces shell Tripoli suburbs as talks stall","datePublished":"2020-07-10T21:15:00+02:00","dateModified":"2020-07-11T09:00:00+02:00","author":[{"@type":"Person","name":"Amira Salem"}],"publisher":{"@type":"NewsMediaOrganization","name":"Libya Monitor"}}</script>
  <script type="application/ld+json">{"@type": "WebSite", "name": "Libya Monitor", "potentialAction": {,}}</script>
  <style>.cookie-banner { position: fixed; bottom: 0 }</style>
</head>
<body class="article-page has-sidebar">
  <div id="cookie-consent" class="cookie-banner">We use cookies. Policy updated 01/02/2024. <button>Accept all</button></div>
  <header class="site-header">
    <nav><a href="/">Home</a> <a href="/libya">Libya</a>
      <ul class="most-read"><li><a href="/a">Ceasefire talks in Geneva</a> <time datetime="2020-07-01T08:00:00Z">1 July</time></li></ul>
    </nav>
  </header>
  <div ${UI_HOST_ATTR}><time datetime="1999-12-31">the extension's own panel</time><span class="date">31 Dec 1999</span></div>
  <main id="content">
    <aside class="related-articles">
      <h2>Related</h2>
      <article class="teaser"><h3><a href="/b">UN envoy resigns</a></h3><time datetime="2020-03-02T10:00:00Z">2 March 2020</time></article>
      <article class="teaser"><h3><a href="/c">Oil blockade</a></h3><time datetime="2020-01-18T10:00:00Z">18 January 2020</time></article>
    </aside>
    <div class="promo-strip"><span class="date">Posted 5 June 2020</span> Subscribe today</div>
    <article class="story">
      <header>
        <h1>Haftar’s forces shell Tripoli suburbs as talks stall</h1>
        <div class="byline">By <a rel="author" href="/authors/amira-salem">Amira Salem</a></div>
        <div class="article-meta"><span>Published</span> <time datetime="2020-07-10T21:15:00+02:00">10 July 2020</time>
          <span class="updated">Updated 11 July 2020 09:00 CEST</span></div>
      </header>
      <div class="article-body">
        <p>TRIPOLI — Forces loyal to <b>Khalifa Haftar</b> shelled the southern suburbs of the capital on Friday night, residents said.</p>
        <script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ published: "2019-01-01" });</script>
        <p>The Government of National Accord said its forces had repelled an attack near Ain Zara.</p>
        <div class="newsletter-signup">Get our Libya briefing, every Friday since 2019. <input type="email"></div>
        <p>Talks in Geneva stalled last week.</p>
      </div>
      <section class="comments"><form><textarea>My comment, written 3 July 2020</textarea></form></section>
    </article>
  </main>
  <footer><p>© 2020 Libya Monitor</p><time datetime="2020-07-12">Last build</time></footer>
</body>
</html>`;

function parse(html: string): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PAGE_URL);
  return new DOMParser().parseFromString(html, 'text/html');
}

let doc: Document;
beforeEach(() => {
  doc = parse(FIXTURE);
});

describe('collectUrlFacts', () => {
  test('reads just enough for the article URL: the same URL as the full facts give, no dates', () => {
    const facts = collectUrlFacts(doc);
    expect(readArticleMeta(facts).url).toBe(readArticleMeta(collectPageFacts(doc)).url);
    expect(facts).toMatchObject({ jsonLd: [], times: [], datelines: [] });
  });
});

describe('collectPageFacts', () => {
  test('reads the page URL, title, language, links, metas and JSON-LD as written', () => {
    const facts = collectPageFacts(doc);
    expect(facts.pageUrl).toBe(PAGE_URL);
    expect(facts.title).toBe('Haftar’s forces shell Tripoli suburbs as talks stall | Libya Monitor');
    expect(facts.lang).toBe('en-GB');
    expect(facts.links).toContainEqual({ rel: 'canonical', href: 'https://www.libyamonitor.example/news/2020/07/10/haftar-forces-shell-tripoli' });
    expect(facts.metas).toContainEqual({ property: 'og:site_name', content: 'Libya Monitor' });
    expect(facts.metas).toContainEqual({ name: 'content-language', content: 'en' });
    expect(facts.metas.map((m) => m.content)).not.toContain('utf-8'); // <meta charset> names nothing
    expect(facts.jsonLd).toHaveLength(2);
    expect(facts.jsonLd[0]).toContain('"NewsArticle"');
  });

  test("takes the article's <time>s, and none from the sidebar, the teasers, the footer or the extension UI", () => {
    const facts = collectPageFacts(doc);
    expect(facts.times[0]).toEqual({ datetime: '2020-07-10T21:15:00+02:00', text: '10 July 2020' });
    const datetimes = facts.times.map((t) => t.datetime);
    for (const other of ['2020-07-01T08:00:00Z', '2020-03-02T10:00:00Z', '2020-01-18T10:00:00Z', '2020-07-12', '1999-12-31']) {
      expect(datetimes).not.toContain(other);
    }
  });

  test('finds short dateline lines in the article, not in the banner, promo box, comment form or newsletter box', () => {
    const { datelines } = collectPageFacts(doc);
    expect(datelines).toContain('Published 10 July 2020 Updated 11 July 2020 09:00 CEST');
    expect(datelines).toContain('Updated 11 July 2020 09:00 CEST');
    expect(datelines.join(' | ')).not.toMatch(/cookies|5 June|3 July|1999|Subscribe|briefing/);
    expect(datelines.every((line) => line.length <= 120)).toBe(true);
  });

  test('gives readArticleMeta what it needs', () => {
    expect(readArticleMeta(collectPageFacts(doc))).toEqual({
      url: 'https://www.libyamonitor.example/news/2020/07/10/haftar-forces-shell-tripoli',
      pageUrl: PAGE_URL,
      title: 'Haftar’s forces shell Tripoli suburbs as talks stall',
      outlet: 'Libya Monitor',
      author: 'Amira Salem',
      published: '2020-07-10T21:15:00+02:00',
      publishedDay: '2020-07-10',
      publishedFrom: 'meta',
      language: 'en-GB',
    });
  });

  test('without meta and JSON-LD, the article <time> wins over the teasers that come before it', () => {
    for (const el of doc.querySelectorAll('meta[property^="article:"], script[type="application/ld+json"]')) el.remove();
    const meta = readArticleMeta(collectPageFacts(doc));
    expect(meta).toMatchObject({ publishedDay: '2020-07-10', publishedFrom: 'time', published: '2020-07-10T21:15:00+02:00' });
  });

  test('without any <time>, the "Published" dateline, not the "Updated" one', () => {
    for (const el of doc.querySelectorAll('meta[property^="article:"], script[type="application/ld+json"]')) el.remove();
    for (const time of doc.querySelectorAll('time')) time.replaceWith(doc.createTextNode(time.textContent ?? ''));
    const meta = readArticleMeta(collectPageFacts(doc));
    expect(meta).toMatchObject({ publishedDay: '2020-07-10', publishedFrom: 'dateline', published: '10 July 2020' });
  });

  test('pages without <article> or <main> still skip side matter', () => {
    const plain = parse(`<html><head><title>Story</title></head><body>
      <div class="sidebar"><time datetime="2020-01-01">teaser</time></div>
      <div class="post"><h1>Story</h1><p class="post-date">July 10, 2020</p><p>Text.</p></div>
    </body></html>`);
    const facts = collectPageFacts(plain);
    expect(facts.times).toEqual([]);
    expect(facts.datelines).toEqual(['July 10, 2020']);
    expect(facts.lang).toBeUndefined();
  });

  test('a microdata datePublished on a visible element is collected as a meta', () => {
    const micro = parse(`<html><body><div itemscope itemtype="https://schema.org/NewsArticle"><h1>Story</h1>
      <span itemprop="datePublished" content="2020-07-10T09:00:00+02:00">10 July</span></div></body></html>`);
    expect(collectPageFacts(micro).metas).toContainEqual({ itemprop: 'datePublished', content: '2020-07-10T09:00:00+02:00' });
  });

  test('stays bounded on a huge page: capped counts, no full-text walk', () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      `<div class="entry"><span class="entry-meta">Posted ${(i % 28) + 1} May 2020</span><time datetime="2020-05-${String((i % 28) + 1).padStart(2, '0')}">x</time><p>${'Update text. '.repeat(20)}</p></div>`);
    const big = parse(`<html><head><title>Live</title></head><body><main><h1>Live blog</h1>${rows.join('')}</main></body></html>`);
    const t0 = performance.now();
    const facts = collectPageFacts(big);
    const elapsed = performance.now() - t0;
    expect(facts.times.length).toBeLessThanOrEqual(20);
    expect(facts.datelines.length).toBeLessThanOrEqual(8);
    expect(facts.times[0]!.datetime).toBe('2020-05-01');
    // happy-dom's selector engine is far slower than a browser's; this only catches a quadratic walk.
    expect(elapsed).toBeLessThan(3000);
  });
});
