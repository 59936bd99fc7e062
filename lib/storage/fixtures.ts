/**
 * Test fixtures: complete, valid clip records. JSON-shaped like buildClip's output (no undefined fields),
 * so that a record read back from storage compares equal to the one written.
 */
import { CLIP_RECORD_VERSION, type ClipRecord } from '../extraction/types';

let serial = 0;

/**
 * A clip of a Reuters-style report of a drone strike on Tripoli's Mitiga airport. `overrides` replace
 * whole top-level fields, and an override `undefined` removes the field; each call without an `id` gets
 * a new one.
 */
export function makeClip(overrides: Partial<ClipRecord> = {}): ClipRecord {
  serial++;
  const text =
    'Drones struck Mitiga airport in Tripoli on Friday night, killing at least three civilians, ' +
    "according to the Government of National Accord, which blamed forces loyal to Khalifa Haftar's " +
    'Libyan National Army. The LNA denied carrying out the strike.';
  const record: ClipRecord = {
    id: `clip-${String(serial).padStart(6, '0')}`,
    version: CLIP_RECORD_VERSION,
    text,
    article: {
      url: 'https://www.example-news.com/world/africa/libya-mitiga-drone-strike-2019-09-01',
      pageUrl: 'https://www.example-news.com/world/africa/libya-mitiga-drone-strike-2019-09-01?ref=home',
      title: 'Drone strike hits Tripoli airport, GNA blames Haftar forces',
      outlet: 'Example News',
      author: 'Staff reporter',
      published: '2019-09-01T09:12:00+02:00',
      publishedDay: '2019-09-01',
      publishedFrom: 'meta',
      language: 'en',
    },
    clippedAt: '2024-03-05T10:15:00.000Z',
    updatedAt: '2024-03-05T10:15:00.000Z',
    method: 'button',
    eventDate: {
      day: '2019-08-30',
      precision: 1,
      method: 'expression',
      expression: 'on Friday night',
      start: 40,
      end: 55,
      reference: '2019-09-01',
    },
    event: {
      disorderType: 'Political violence',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      civilianTargeting: false,
      cue: 'Drones struck',
    },
    actor1: {
      name: 'Military Forces of Libya (2014-) Libyan National Army',
      entityId: 'actor:libyan-national-army',
      inter: 1,
    },
    actor2: { name: 'Civilians (Libya)', inter: 7 },
    assocActors1: [],
    assocActors2: [],
    location: {
      name: 'Mitiga Airport',
      entityId: 'place:mitiga-airport',
      admin1: 'Tripoli',
      lat: 32.8941,
      lon: 13.276,
      geoPrecision: 1,
    },
    fatalities: { count: 3, text: 'killing at least three civilians' },
    attribution: {
      perpetrator: 'named',
      statements: [
        {
          stance: 'alleged',
          by: { name: 'Government of National Accord', entityId: 'actor:government-of-national-accord' },
          about: { name: 'Libyan National Army', entityId: 'actor:libyan-national-army' },
          cue: 'according to',
        },
        {
          stance: 'denied',
          by: { name: 'Libyan National Army', entityId: 'actor:libyan-national-army' },
          cue: 'denied',
        },
      ],
      status: 'contested',
    },
    entities: [
      {
        id: 'place:mitiga-airport',
        name: 'Mitiga Airport',
        kind: 'location',
        category: 'airport',
        source: 'kb',
        mentions: 1,
        lat: 32.8941,
        lon: 13.276,
        admin1: 'Tripoli',
      },
      {
        id: 'place:tripoli',
        name: 'Tripoli',
        kind: 'location',
        category: 'city',
        source: 'kb',
        mentions: 1,
        lat: 32.8872,
        lon: 13.1913,
        admin1: 'Tripoli',
      },
      {
        id: 'actor:government-of-national-accord',
        name: 'Government of National Accord',
        kind: 'actor',
        category: 'government',
        camp: 'west',
        source: 'kb',
        mentions: 1,
      },
      {
        id: 'actor:khalifa-haftar',
        name: 'Khalifa Haftar',
        kind: 'actor',
        category: 'person',
        camp: 'east',
        source: 'kb',
        mentions: 1,
      },
      {
        id: 'actor:libyan-national-army',
        name: 'Libyan National Army',
        kind: 'actor',
        category: 'armed group',
        camp: 'east',
        source: 'kb',
        mentions: 2,
      },
    ],
    selectors: [
      { type: 'TextQuoteSelector', exact: text, prefix: 'TRIPOLI (Reuters) - ', suffix: ' The strike was the' },
      { type: 'TextPositionSelector', start: 1204, end: 1204 + text.length },
    ],
  };
  const result: Record<string, unknown> = { ...record, ...overrides };
  for (const key of Object.keys(result)) if (result[key] === undefined) delete result[key];
  return result as unknown as ClipRecord;
}

/** An event date on another day, otherwise the fixture's. */
export const onDay = (day: string): ClipRecord['eventDate'] => ({ ...makeClip().eventDate, day });

/** Four clips from three articles, places and days. */
export function timelineClips(): Record<'tripoli' | 'tripoliLater' | 'benghazi' | 'misrata', ClipRecord> {
  const tripoli = makeClip({ id: 'tripoli', eventDate: onDay('2019-04-05'), clippedAt: '2024-01-01T10:00:00.000Z' });
  const tripoliLater = makeClip({
    id: 'tripoli-later',
    eventDate: onDay('2019-04-05'),
    clippedAt: '2024-01-01T09:00:00.000Z',
    text: 'Clashes continued south of Tripoli.',
  });
  const benghazi = makeClip({
    id: 'benghazi',
    article: { ...makeClip().article, url: 'https://www.example-news.com/benghazi-protest' },
    eventDate: onDay('2019-04-10'),
    event: {
      disorderType: 'Demonstrations',
      eventType: 'Protests',
      subEventType: 'Peaceful protest',
      civilianTargeting: false,
    },
    actor1: { name: 'Protesters (Libya)', inter: 6 },
    location: { name: 'Benghazi', entityId: 'place:benghazi', geoPrecision: 1 },
    attribution: { perpetrator: 'unknown', statements: [], status: 'unknown' },
    entities: [
      { id: 'place:benghazi', name: 'Benghazi', kind: 'location', category: 'city', source: 'kb', mentions: 1 },
    ],
  });
  // The place of the event is known (from the paragraph) though the clipped text never names it.
  const misrata = makeClip({
    id: 'misrata',
    article: { ...makeClip().article, url: 'https://www.example-news.com/misrata' },
    eventDate: onDay('2019-05-01'),
    location: { name: 'Misrata', entityId: 'place:misrata', geoPrecision: 1 },
    entities: [
      {
        id: 'actor:misrata-brigades',
        name: 'Misrata brigades',
        kind: 'actor',
        category: 'armed group',
        source: 'kb',
        mentions: 1,
      },
    ],
  });
  return { tripoli, tripoliLater, benghazi, misrata };
}
