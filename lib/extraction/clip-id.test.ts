import { describe, expect, test } from 'vitest';
import { clipId, normaliseClipText, normaliseUrl } from './clip-id';

describe('normaliseUrl', () => {
  test.each([
    ['drops the fragment and tracking parameters', 'https://www.bbc.com/news/world-africa-123?at_medium=RSS&at_campaign=KARANGA#comments', 'https://www.bbc.com/news/world-africa-123'],
    ['drops utm_*, fbclid, gclid, whatever their case', 'https://example.com/a?UTM_Source=x&utm_medium=y&fbclid=abc&gclid=def&id=7', 'https://example.com/a?id=7'],
    ['drops the Guardian CMP and Webtrends ns_* parameters', 'https://www.theguardian.com/world/2020/jul/10/libya?CMP=share_btn_tw&ns_mchannel=social', 'https://www.theguardian.com/world/2020/jul/10/libya'],
    ['lower-cases the host, drops the default port', 'HTTPS://WWW.Example.COM:443/Path/Case', 'https://www.example.com/Path/Case'],
    ['keeps a non-default port', 'http://example.com:8080/a', 'http://example.com:8080/a'],
    ['drops a trailing slash on a path', 'https://example.com/news/libya-ceasefire/', 'https://example.com/news/libya-ceasefire'],
    ['keeps the root path', 'https://example.com/?utm_source=x', 'https://example.com/'],
    ['sorts the parameters it keeps', 'https://example.com/story?p=2&id=17&a=z', 'https://example.com/story?a=z&id=17&p=2'],
    ['keeps repeated parameters, sorted by value', 'https://example.com/s?tag=b&tag=a', 'https://example.com/s?tag=a&tag=b'],
    ['leaves a non-URL alone but its fragment', ' not a url#x ', 'not a url'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });
});

describe('normaliseClipText', () => {
  test('folds NFKC forms, typographic quotes and dashes, whitespace and case', () => {
    expect(normaliseClipText('  The LNA\u00a0said \u201cno\u201d \u2014 it\u2019s  over\n\tﬁnally ')).toBe('the lna said "no" - it\'s over finally');
  });

  test('drops soft hyphens and zero-width characters', () => {
    expect(normaliseClipText('Tri\u00adpoli\u200b airport')).toBe('tripoli airport');
  });
});

describe('clipId', () => {
  const url = 'https://www.libyaobserver.ly/news/clashes-tripoli';
  const para = 'Clashes broke out on Friday night in southern Tripoli between rival armed groups, residents said.';

  test('is clip- and 16 hex digits', () => {
    expect(clipId(url, para)).toMatch(/^clip-[0-9a-f]{16}$/);
  });

  test('the same paragraph re-clipped with other whitespace, quotes or tracking parameters keeps its id', () => {
    const id = clipId(url, para);
    expect(clipId(`${url}/?utm_source=newsletter&fbclid=1#top`, para)).toBe(id);
    expect(clipId(url.replace('www.libyaobserver.ly', 'WWW.LIBYAOBSERVER.LY'), para)).toBe(id);
    expect(clipId(url, `\n  ${para.replace(/ /g, '  \n')}  `)).toBe(id);
    expect(clipId(url, para.toUpperCase())).toBe(id);
  });

  test('different paragraphs, or the same paragraph on another article, differ', () => {
    const other = 'The Government of National Accord denied that its forces were involved.';
    expect(clipId(url, other)).not.toBe(clipId(url, para));
    expect(clipId(`${url}-2`, para)).not.toBe(clipId(url, para));
    expect(clipId(`${url}?page=2`, para)).not.toBe(clipId(url, para));
  });

  test('no collisions over 5,000 distinct synthetic paragraphs of one article', () => {
    const places = ['Tripoli', 'Benghazi', 'Misrata', 'Sirte', 'Derna', 'Sabha', 'Zawiya', 'Gharyan', 'Tobruk', 'Jufra'];
    const ids = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const text = `At least ${i % 97} people were killed in ${places[i % 10]} on day ${Math.floor(i / 10)}, officials said.`;
      ids.add(clipId(url, text));
    }
    expect(ids.size).toBe(5000);
  });

  test('paragraphs differing in one character differ', () => {
    expect(clipId(url, 'killed 12 people')).not.toBe(clipId(url, 'killed 13 people'));
    expect(clipId(url, 'ab')).not.toBe(clipId(url, 'ba'));
  });
});
