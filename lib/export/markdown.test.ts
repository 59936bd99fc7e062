import { describe, expect, it } from 'vitest';
import type { ClipRecord, EventDate } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { escapeMarkdown, linkUrl, toMarkdownChronology } from './markdown';
import { eventOf, mitigaReports } from './test-events';

const on = (day: string, precision: EventDate['precision'] = 1): EventDate => ({ day, precision, method: 'expression' });
const now = new Date(2026, 10, 22, 10, 0);

const protest = (): ClipRecord =>
  makeClip({
    id: 'clip-protest',
    text: 'Hundreds protested in Martyrs Square in Tripoli against power cuts.',
    eventDate: on('2020-08-23'),
    event: { disorderType: 'Demonstrations', eventType: 'Protests', subEventType: 'Peaceful protest', civilianTargeting: false },
    actor1: { name: 'Protesters (Libya)', inter: 6 },
    actor2: undefined,
    location: { name: 'Tripoli', admin1: 'Tripoli', lat: 32.8872, lon: 13.1913, geoPrecision: 1 },
    fatalities: { count: 0 },
    article: { ...makeClip().article, outlet: 'Libya Observer', url: 'https://www.libyaobserver.ly/news/protest-tripoli' },
  });

/** Occurrences of `ch` in `text` not escaped by a backslash. */
const bare = (text: string, ch: string) => [...text.matchAll(new RegExp(`(?<!\\\\)\\${ch}`, 'g'))].length;

describe('toMarkdownChronology', () => {
  it('writes a title, a summary and the events oldest first under day headings', () => {
    const weekly = makeClip({ id: 'clip-week', eventDate: on('2020-05-16', 2), article: { ...makeClip().article, outlet: 'Al Wasat' } });
    const monthly = makeClip({ id: 'clip-month', eventDate: on('2020-06-15', 3) });
    const events = [eventOf([protest()]), eventOf([monthly]), eventOf(mitigaReports(), 'fair'), eventOf([weekly])];
    const md = toMarkdownChronology(events, { now });
    const lines = md.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# Libya Lens chronology',
      '',
      '4 events from 4 sources, 30 August 2019 to 23 August 2020.',
      '',
      'Exported from Libya Lens on 22 November 2026.',
    ]);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Friday 30 August 2019',
      '## Week of 11 May 2020',
      '## June 2020',
      '## Sunday 23 August 2020',
    ]);
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(4);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('says what happened, where, who, how many died, the quote, the sources and the grade', () => {
    const clips = mitigaReports();
    const md = toMarkdownChronology([eventOf(clips, 'fair')], { now });
    const bullet = md.slice(md.indexOf('- '));
    const [first, quote, sources] = bullet.trimEnd().split('\n');
    expect(first).toBe(
      '- **Explosions/Remote violence: Air/drone strike** at Mitiga Airport (Tripoli). ' +
        'Actors: Military Forces of Libya (2014-) Libyan National Army; Civilians (Libya). 3 fatalities.',
    );
    expect(quote).toBe(`  “${clips[0]!.text}”`);
    expect(sources).toBe(
      `  Sources: [Example News](${clips[0]!.article.url}); [Reuters](${clips[1]!.article.url}). ` +
        'Airwars grade fair: 2 independent sources.',
    );
    expect(md).toContain('1 event from 2 sources, on 30 August 2019.');
  });

  it('leaves out a zero toll and an unknown place, notes the reader’s edits and a weak grade', () => {
    const clip = makeClip({
      location: undefined,
      fatalities: { count: 0 },
      selection: 'Drones struck Mitiga airport',
      edits: { fields: ['location'], editedAt: '2024-03-06T12:00:00.000Z', original: { location: null } },
    });
    const md = toMarkdownChronology([eventOf([clip])], { now });
    expect(md).toContain('- **Explosions/Remote violence: Air/drone strike**. Actors:');
    expect(md).not.toMatch(/fatalit/);
    expect(md).toContain('  “Drones struck Mitiga airport”\n');
    expect(md).toContain('Airwars grade weak: one source. Edited by the reader.\n');
  });

  it('escapes page text so that it cannot make links, HTML or formatting', () => {
    const text =
      'Officials said [click](javascript:alert(1)) <script>alert(1)</script> *not bold* _nor_ `code` | cell | ~~x~~ &amp; ![img](https://t.example/p.png)';
    const clip = makeClip({
      text,
      actor1: { name: '<img src=x onerror=alert(1)>', inter: 3 },
      article: { ...makeClip().article, outlet: '[Trusted](https://evil.example)', url: 'javascript:alert(document.cookie)' },
    });
    const md = toMarkdownChronology([eventOf([clip])], { title: '# <b>Draft</b> [x](y)', now });
    for (const ch of ['[', ']', '<', '>', '*', '_', '`', '|', '~', '&']) expect(bare(md.replace(/^- \*\*|\*\*(?= at)/gm, ''), ch)).toBe(0);
    expect(md).toContain('\\[click\\](javascript:alert(1)) \\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(md).not.toContain('document.cookie');
    expect(md).toContain('Source: \\[Trusted\\](https://evil.example).');
    expect(md.split('\n')[0]).toBe('# \\# \\<b\\>Draft\\</b\\> \\[x\\](y)');
  });

  it('says when there is nothing to list', () => {
    const md = toMarkdownChronology([], { title: 'Tarhuna, June 2020', now });
    expect(md).toBe('# Tarhuna, June 2020\n\nNo events.\n\nExported from Libya Lens on 22 November 2026.\n');
  });
});

describe('markdown helpers', () => {
  it('links only http(s) URLs and percent-encodes what would end the link', () => {
    expect(linkUrl('https://en.wikipedia.org/wiki/Battle_of_Tripoli_(2019–2020)')).toBe(
      'https://en.wikipedia.org/wiki/Battle_of_Tripoli_%282019%E2%80%932020%29',
    );
    expect(linkUrl('http://news.example/search?q=Haftar Tripoli&x=`a`')).toBe(
      'http://news.example/search?q=Haftar%20Tripoli&x=%60a%60',
    );
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'not a url', ' ']) {
      expect(linkUrl(bad)).toBeUndefined();
    }
  });

  it('escapes a heading or list marker that would open the text, and collapses line breaks', () => {
    expect(escapeMarkdown('# Breaking\n> quoted\n- item')).toBe('\\# Breaking \\> quoted - item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('-2 degrees')).toBe('\\-2 degrees');
    expect(escapeMarkdown('طرابلس — Miṣrātah')).toBe('طرابلس — Miṣrātah');
  });


});
