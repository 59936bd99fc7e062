// Every record the extension writes must come back through its own importer: a backup that cannot be
// restored is a lost clip. The clips here are built the way the worker builds them (buildClip), from
// captures with the awkward metadata real pages carry.
import { describe, expect, it } from 'vitest';
import { describeRange } from '../extraction/anchors';
import { buildClip } from '../extraction/clip';
import type { PageFacts } from '../extraction/metadata';
import type { ClipCapture } from '../messaging/protocol';
import { toJsonBackup } from './json';
import { parseBackup } from './backup';

function capture(paragraph: string, facts: Partial<PageFacts>): ClipCapture {
  const page = `Home · Libya\n${paragraph}\nMore stories`;
  const start = page.indexOf(paragraph);
  return {
    paragraph,
    selectors: describeRange(page, start, start + paragraph.length),
    facts: {
      pageUrl: 'https://ledger.example/libya/story',
      title: 'A story',
      lang: 'en',
      links: [],
      metas: [],
      jsonLd: [],
      times: [],
      datelines: [],
      ...facts,
    },
    method: 'button',
    clippedAt: '2024-05-19T09:00:00.000Z',
    clipDay: '2024-05-19',
  };
}

const PARAGRAPHS = [
  'Forces loyal to Khalifa Haftar shelled Mitiga airport in Tripoli on Saturday night, killing three civilians, the GNA said.',
  'قصفت قوات حفتر مطار معيتيقة في طرابلس ليلة السبت، ما أسفر عن مقتل ثلاثة مدنيين.',
  'Unidentified fighter jets struck the al-Watiya air base overnight, according to an intelligence source, which blamed “a neighbouring country”.',
];

describe('clips the extension writes', () => {
  it('restore from a backup, even from pages with huge titles, bylines and URLs', () => {
    const huge = 'Libya: '.repeat(2_000);
    const longUrl = `https://ledger.example/libya/story?${'section=world&'.repeat(400)}id=1`;
    const clips = PARAGRAPHS.flatMap((paragraph) => [
      buildClip(capture(paragraph, {})),
      buildClip(
        capture(paragraph, {
          pageUrl: longUrl,
          title: huge,
          metas: [
            { property: 'og:site_name', content: huge },
            { name: 'author', content: huge },
            { property: 'article:published_time', content: '2024-05-18T07:45:00+02:00' },
          ],
        }),
      ),
    ]);
    expect(longUrl.length).toBeGreaterThan(2_000);
    const parsed = parseBackup(toJsonBackup(clips, { now: new Date('2024-05-20T00:00:00Z') }), { now: new Date('2024-05-20T00:00:00Z') });
    expect(parsed.ok ? parsed.clips : parsed.error).toEqual(clips);
    expect(clips[1]!.article.title.length).toBeLessThanOrEqual(1_000);
    expect(clips[1]!.article.title.endsWith('…')).toBe(true);
  });
});
