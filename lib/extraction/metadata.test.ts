import { describe, expect, test } from 'vitest';
import type { ArticleMeta } from './types';
import { readArticleMeta, type PageFacts } from './metadata';

const NOW = new Date('2026-11-22T12:00:00Z');
const PAGE = 'https://www.libyaobserver.ly/news/clashes-erupt-tripoli?utm_source=x#comments';

function facts(partial: Partial<PageFacts> = {}): PageFacts {
  return { pageUrl: PAGE, title: '', links: [], metas: [], jsonLd: [], times: [], datelines: [], ...partial };
}
const meta = (partial: Partial<PageFacts>) => readArticleMeta(facts(partial), NOW);
const prop = (property: string, content: string) => ({ property, content });
const named = (name: string, content: string) => ({ name, content });
const ld = (value: unknown) => JSON.stringify(value);

type Case = [string, Partial<PageFacts>, Partial<ArticleMeta>];

describe('readArticleMeta: url, outlet, title, author, language', () => {
  const cases: Case[] = [
    ['with nothing, the page URL without its fragment and the host', {}, {
      url: 'https://www.libyaobserver.ly/news/clashes-erupt-tripoli?utm_source=x',
      pageUrl: PAGE, outlet: 'libyaobserver.ly', title: '',
    }],
    ['a relative canonical URL resolved against the page', { links: [{ rel: 'canonical', href: '/news/clashes-erupt-tripoli' }] }, {
      url: 'https://www.libyaobserver.ly/news/clashes-erupt-tripoli',
    }],
    ['rel lists several tokens', { links: [{ rel: 'Canonical noopener', href: 'https://libyaobserver.ly/a' }] }, { url: 'https://libyaobserver.ly/a' }],
    ['a non-http canonical is ignored, og:url is next', {
      links: [{ rel: 'canonical', href: 'javascript:void(0)' }], metas: [prop('og:url', 'https://libyaobserver.ly/og')],
    }, { url: 'https://libyaobserver.ly/og' }],
    ['a canonical pointing at the home page is a CMS mistake', {
      links: [{ rel: 'canonical', href: 'https://www.libyaobserver.ly/' }],
    }, { url: 'https://www.libyaobserver.ly/news/clashes-erupt-tripoli?utm_source=x' }],
    ['og:site_name names the outlet and is stripped from the title', {
      title: 'Clashes erupt in Tripoli | The Libya Observer', metas: [prop('og:site_name', 'The Libya Observer')],
    }, { outlet: 'The Libya Observer', title: 'Clashes erupt in Tripoli' }],
    ['a " - Outlet" suffix naming the host is stripped', { title: 'Clashes erupt in Tripoli - Libya Observer' }, {
      outlet: 'libyaobserver.ly', title: 'Clashes erupt in Tripoli',
    }],
    ['an "Outlet | " prefix too; a dash inside the title stays', {
      title: 'Al Jazeera | Libya: GNA-aligned forces retake Gharyan', metas: [named('application-name', 'Al Jazeera')],
    }, { outlet: 'Al Jazeera', title: 'Libya: GNA-aligned forces retake Gharyan' }],
    ['a title that is only the outlet is kept', { title: 'The Libya Observer', metas: [prop('og:site_name', 'The Libya Observer')] }, {
      title: 'The Libya Observer',
    }],
    ['og:title beats twitter:title, JSON-LD headline and the document title', {
      title: 'doc', metas: [named('twitter:title', 'tw'), prop('og:title', 'OG &amp; title')],
      jsonLd: [ld({ '@type': 'NewsArticle', headline: 'ld' })],
    }, { title: 'OG & title' }],
    ['JSON-LD headline, entities decoded, when no og/twitter title', {
      title: 'Haftar&#8217;s forces withdraw – BBC News', jsonLd: [ld({ '@type': 'NewsArticle', headline: 'Haftar&#8217;s forces withdraw', publisher: { name: 'BBC News' } })],
    }, { title: 'Haftar’s forces withdraw', outlet: 'BBC News' }],
    ['a JSON-LD "headline" that is a description loses to the document title', {
      title: 'New Zealand - Wikipedia', jsonLd: [ld({ '@type': 'Article', headline: 'constitutional monarchy in Oceania' })],
    }, { title: 'New Zealand - Wikipedia' }],
    ['meta author, "By " removed, whitespace collapsed', { metas: [named('author', '  By  Samy   Magdy ')] }, { author: 'Samy Magdy' }],
    ['article:author that is a URL is skipped for JSON-LD authors, joined', {
      metas: [prop('article:author', 'https://www.facebook.com/someone')],
      jsonLd: [ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Sami Zaptia' }, 'Mustafa Fetouri', { name: 'Sami Zaptia' }] })],
    }, { author: 'Sami Zaptia, Mustafa Fetouri' }],
    ['several author metas are all kept', { metas: [prop('article:author', 'Ann One'), prop('article:author', 'Bo Two')] }, { author: 'Ann One, Bo Two' }],
    ['JSON-LD author as an object; @id references in a Yoast @graph', {
      jsonLd: [ld({ '@context': 'https://schema.org', '@graph': [
        { '@type': 'Article', '@id': '#article', author: { '@id': '#person' }, publisher: { '@id': '#org' } },
        { '@type': 'Person', '@id': '#person', name: 'Jamal Adel' },
        { '@type': 'Organization', '@id': '#org', name: 'Libya Herald' },
      ] })],
    }, { author: 'Jamal Adel', outlet: 'Libya Herald' }],
    ['parsely-author, then dc.creator', { metas: [named('dc.creator', 'DC Person'), named('parsely-author', 'Parsely Person')] }, { author: 'Parsely Person' }],
    ['html lang', { lang: 'ar-LY', metas: [prop('og:locale', 'en_GB')] }, { language: 'ar-LY' }],
    ['og:locale with an underscore', { metas: [prop('og:locale', 'en_GB')] }, { language: 'en-GB' }],
    ['content-language list, first tag', { metas: [named('content-language', 'fr, en')] }, { language: 'fr' }],
    ['a junk lang attribute is ignored', { lang: 'x_?', metas: [named('content-language', 'it')] }, { language: 'it' }],
  ];
  test.each(cases)('%s', (_name, partial, expected) => {
    expect(meta(partial)).toMatchObject(expected);
  });

  test('absent fields are absent, not empty strings', () => {
    const result = meta({});
    expect(result).not.toHaveProperty('author');
    expect(result).not.toHaveProperty('language');
    expect(result).not.toHaveProperty('published');
  });
});

describe('readArticleMeta: publication date', () => {
  const published = (partial: Partial<PageFacts>) => {
    const { published, publishedDay, publishedFrom } = meta(partial);
    return { published, publishedDay, publishedFrom };
  };
  const cases: Case[] = [
    ['article:published_time keeps the article offset\'s day, not the UTC day', {
      metas: [prop('article:published_time', '2020-07-10T23:30:00-04:00')],
    }, { published: '2020-07-10T23:30:00-04:00', publishedDay: '2020-07-10', publishedFrom: 'meta' }],
    ['a UTC timestamp is the UTC day', { metas: [prop('article:published_time', '2020-07-11T01:30:00Z')] }, { publishedDay: '2020-07-11' }],
    ['an offset east of UTC, no colon, fractional seconds', {
      metas: [prop('article:published_time', '2020-07-11T00:15:00.000+0200')],
    }, { publishedDay: '2020-07-11' }],
    ['a date-only value is that date', { metas: [prop('article:published_time', '2020-07-10')] }, { publishedDay: '2020-07-10' }],
    ['meta wins over JSON-LD', {
      metas: [prop('article:published_time', '2020-07-10T08:00:00Z')],
      jsonLd: [ld({ '@type': 'NewsArticle', datePublished: '2019-01-01T00:00:00Z' })],
    }, { publishedDay: '2020-07-10', publishedFrom: 'meta' }],
    ['an invalid meta date hands over to JSON-LD', {
      metas: [prop('article:published_time', '2020-02-30T10:00:00Z')],
      jsonLd: [ld({ '@type': 'NewsArticle', datePublished: '2020-02-28T10:00:00+01:00' })],
    }, { publishedDay: '2020-02-28', publishedFrom: 'json-ld' }],
    ['malformed JSON-LD is skipped, the next script read', {
      jsonLd: ['{"@type": "NewsArticle", "datePublished": "2020-07-10"', ld({ '@type': 'ReportageNews', datePublished: '2020-07-09' })],
    }, { publishedDay: '2020-07-09', publishedFrom: 'json-ld' }],
    ['JSON-LD in an array, wrapped in CDATA, with raw line breaks in strings', {
      jsonLd: ['//<![CDATA[\n[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"Line\nbreak","datePublished":"2021-03-04T05:06:07Z"}]\n//]]>'],
    }, { publishedDay: '2021-03-04', publishedFrom: 'json-ld' }],
    ['@graph with a WebPage first and the article nested', {
      jsonLd: [ld({ '@graph': [{ '@type': 'WebPage', datePublished: '2018-01-01' }, { '@type': 'BlogPosting', datePublished: '2020-05-05T10:00:00+02:00' }] })],
    }, { publishedDay: '2020-05-05' }],
    ['a live blog: the LiveBlogPosting, not its updates', {
      jsonLd: [ld({ '@type': 'LiveBlogPosting', datePublished: '2020-06-01T06:00:00Z', liveBlogUpdate: [{ '@type': 'BlogPosting', datePublished: '2020-06-02T06:00:00Z' }] })],
    }, { publishedDay: '2020-06-01' }],
    ['an article nested under mainEntity; related articles in an ItemList come last', {
      jsonLd: [
        ld({ '@type': 'ItemList', itemListElement: [{ '@type': 'NewsArticle', datePublished: '2015-01-01' }] }),
        ld({ '@type': 'WebPage', mainEntity: { '@type': 'schema:NewsArticle', datePublished: '2020-08-08' } }),
      ],
    }, { publishedDay: '2020-08-08' }],
    ['the WebPage date when no article has one', { jsonLd: [ld({ '@type': 'WebPage', datePublished: '2020-08-09' })] }, { publishedDay: '2020-08-09' }],
    ['itemprop=datePublished', { metas: [{ itemprop: 'datePublished', content: '2020-07-10T14:02:00+01:00' }] }, { publishedDay: '2020-07-10', publishedFrom: 'meta' }],
    ['meta name=date forms, in RFC 2822 too', { metas: [named('sailthru.date', 'Fri, 10 Jul 2020 23:15:00 -0700')] }, { publishedDay: '2020-07-10' }],
    ['parsely-pub-date', { metas: [named('parsely-pub-date', '2020-07-10T04:20:00.000Z')] }, { publishedDay: '2020-07-10' }],
    ['dc.date with a slash form', { metas: [named('DC.date', '2020/07/10')] }, { publishedDay: '2020-07-10' }],
    ['the first <time datetime>', { times: [{ datetime: '2020-07-10T09:00:00+02:00', text: 'Friday' }, { datetime: '2020-01-01', text: '' }] }, {
      published: '2020-07-10T09:00:00+02:00', publishedDay: '2020-07-10', publishedFrom: 'time',
    }],
    ['a <time> without datetime is read from its text', { times: [{ text: 'July 10, 2020' }] }, { publishedDay: '2020-07-10', publishedFrom: 'time' }],
    ['a dateline "Published: Fri, July 10, 2020"', { datelines: ['By Jane Doe', 'Published: Fri, July 10, 2020'] }, {
      published: 'Fri, July 10, 2020', publishedDay: '2020-07-10', publishedFrom: 'dateline',
    }],
    ['"Updated 10 July 2020 14:02 BST"', { datelines: ['Updated 10 July 2020 14:02 BST'] }, {
      published: '10 July 2020 14:02 BST', publishedDay: '2020-07-10',
    }],
    ['"July 10, 2020 at 3:04 PM"', { datelines: ['July 10, 2020 at 3:04 PM ET'] }, { published: 'July 10, 2020 at 3:04 PM ET', publishedDay: '2020-07-10' }],
    ['a Guardian-style line', { datelines: ['Fri 10 Jul 2020 14.02 BST'] }, { publishedDay: '2020-07-10' }],
    ['the published date, not the updated one, whatever the order', { datelines: ['Updated 12 July 2020 | Published 10 July 2020'] }, { publishedDay: '2020-07-10' }],
    ['a line that only says "Updated" loses to a plain dated line', { datelines: ['Last updated: 12 July 2020', '10th of July, 2020'] }, { publishedDay: '2020-07-10' }],
    ['an unambiguous day-first numeric date', { datelines: ['25/07/2020'] }, { publishedDay: '2020-07-25' }],
    ['an unambiguous month-first numeric date', { datelines: ['07/25/2020 10:00'] }, { publishedDay: '2020-07-25' }],
    ['"10/07/2020" is ambiguous and skipped', { datelines: ['10/07/2020', 'Sept. 3, 2021'] }, { publishedDay: '2021-09-03' }],
    ['relative datelines say nothing', { datelines: ['3 hours ago'] }, {}],
    ['absurd years are ignored: before 1990, after next year', {
      metas: [prop('article:published_time', '1970-01-01T00:00:00Z'), named('date', '2099-01-01')], times: [{ datetime: '2027-12-31' }].map((t) => ({ ...t, text: '' })),
    }, { publishedDay: '2027-12-31', publishedFrom: 'time' }],
    ['garbage is ignored', { metas: [prop('article:published_time', 'yesterday'), named('pubdate', '2020-13-01'), named('date', '2020-07-10T25:00:00Z')] }, {
      publishedDay: undefined,
    }],
  ];
  test.each(cases)('%s', (_name, partial, expected) => {
    const result = published(partial);
    expect(result).toMatchObject(expected);
    if (!expected.publishedDay) expect(result).toEqual({ published: undefined, publishedDay: undefined, publishedFrom: undefined });
  });

  test('JSON-LD that is not JSON at all never throws', () => {
    for (const junk of ['', '{', 'null', '42', '"text"', '[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]', '<!-- -->', '{"@graph": null}', '{"@type": 5}']) {
      expect(() => meta({ jsonLd: [junk] })).not.toThrow();
    }
  });

  test('the day never depends on the machine time zone (run under TZ=Pacific/Kiritimati and America/Anchorage too)', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const [value, day] of [
      ['2020-07-10T23:30:00-04:00', '2020-07-10'], ['2020-07-10T00:30:00+14:00', '2020-07-10'], ['2020-07-10', '2020-07-10'],
      ['2020-12-31T23:59:59-10:00', '2020-12-31'], ['2021-01-01T00:00:00Z', '2021-01-01'],
    ] as const) {
      expect(meta({ metas: [prop('article:published_time', value)] }).publishedDay, `${value} in ${zone}`).toBe(day);
      expect(meta({ times: [{ datetime: value, text: '' }] }).publishedDay).toBe(day);
    }
  });
});
