// The reader's watchlist in the worker's annotation: a watched actor or place is named in the clip like a
// knowledge-base one (entities, actors, the event's place with its coordinates), and the record still
// passes the backup importer. Registered through lib/kb setReaderEntities, as the background does.
import { afterEach, describe, expect, it } from 'vitest';
import { validateClips } from '../export/backup';
import { findEntities, getEntity, setReaderEntities } from '../kb';
import type { ClipCapture } from '../messaging/protocol';
import { toKbEntities, type WatchEntry } from '../settings/watchlist';
import { describeRange } from './anchors';
import { buildClip } from './clip';

const WATCH: WatchEntry[] = [
  { id: 'watch-abu-bakr-al-zawi', name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'armed group', aliases: ['Zawi Brigade'], addedAt: '2024-01-01T00:00:00.000Z' },
  { id: 'watch-bir-tuwaylah', name: 'Bir Tuwaylah', kind: 'location', category: 'town', aliases: ['Tuwaylah well'], lat: 32.6, lon: 13.9, addedAt: '2024-01-01T00:00:00.000Z' },
  { id: 'watch-wadi-sharshara', name: 'Wadi Sharshara', kind: 'location', category: 'region', aliases: [], addedAt: '2024-01-01T00:00:00.000Z' },
];

function capture(paragraph: string): ClipCapture {
  return {
    paragraph,
    selectors: describeRange(paragraph, 0, paragraph.length),
    facts: {
      pageUrl: 'https://ledger.example/libya/story',
      title: 'A story',
      lang: 'en',
      links: [],
      metas: [{ property: 'article:published_time', content: '2024-05-18T07:45:00+02:00' }],
      jsonLd: [],
      times: [],
      datelines: [],
    },
    method: 'button',
    clippedAt: '2024-05-19T09:00:00.000Z',
    clipDay: '2024-05-19',
  };
}

afterEach(() => setReaderEntities([]));

describe('clips with the reader’s watchlist', () => {
  it('names watched actors and places, and places the event at a watched town with its coordinates', () => {
    const text = 'Fighters of the Zawi Brigade shelled Bir Tuwaylah on Friday, killing two civilians, residents said.';
    expect(findEntities(text).map((m) => m.entityId)).toEqual([]);
    setReaderEntities(toKbEntities(WATCH));
    expect(findEntities(text).map((m) => m.entityId)).toEqual(['watch-abu-bakr-al-zawi', 'watch-bir-tuwaylah']);
    expect(getEntity('watch-bir-tuwaylah')?.name).toBe('Bir Tuwaylah');

    const clip = buildClip(capture(text));
    expect(clip.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['watch-abu-bakr-al-zawi', 'watch-bir-tuwaylah']));
    expect(clip.location).toMatchObject({ name: 'Bir Tuwaylah', entityId: 'watch-bir-tuwaylah', lat: 32.6, lon: 13.9 });
    expect(clip.actor1?.entityId).toBe('watch-abu-bakr-al-zawi');
    expect(validateClips([clip], { now: new Date('2024-05-20T00:00:00Z') }).ok).toBe(true);
  });

  it('keeps a watched place without coordinates, without inventing any, and the record stays importable', () => {
    setReaderEntities(toKbEntities(WATCH));
    const clip = buildClip(capture('Clashes broke out in Wadi Sharshara on Friday between rival armed groups, residents said.'));
    const place = clip.entities.find((e) => e.id === 'watch-wadi-sharshara');
    expect(place).toBeDefined();
    expect(place).not.toHaveProperty('lat');
    if (clip.location?.entityId === 'watch-wadi-sharshara') expect(clip.location).not.toHaveProperty('lat');
    expect(validateClips([clip], { now: new Date('2024-05-20T00:00:00Z') })).toMatchObject({ ok: true });
  });

  it('lets the knowledge base keep its own names where a watched spelling is the same', () => {
    setReaderEntities(toKbEntities([{ ...WATCH[1]!, id: 'watch-tripoli-again', name: 'Tripoli', aliases: [] }]));
    expect(findEntities('Shelling hit Tripoli.').map((m) => m.entityId)).toEqual(['place:tripoli']);
  });
});
