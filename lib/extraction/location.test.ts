import { getEntity, getMatcher } from '../kb';
import { pickLocation } from './location';
import type { GeoPrecision } from './types';

/** The event's place: most specific, in the event clause, with ACLED geo precision from the wording. */

const locate = (text: string) => pickLocation(text, getMatcher().find(text));

type Row = [text: string, id: string | undefined, precision?: GeoPrecision];

const ROWS: Row[] = [
  // A site or neighbourhood over the city around it.
  ['Warplanes struck Mitiga airport in Tripoli on Saturday.', 'place:mitiga-airport', 1],
  ['Shells fell on the Abu Salim district of Tripoli.', 'place:abu-salim', 1],
  ["Clashes erupted in Tripoli's Ain Zara neighbourhood.", 'place:ain-zara', 1],
  ['Drones hit Ghardabiya air base in Sirte.', 'place:ghardabiya-air-base', 1],
  ['Guards closed the Es Sider oil terminal in the Oil Crescent.', 'place:es-sider-terminal', 1],
  // Near, outskirts, direction or distance from a place: precision 2.
  ['Fighting raged near Gharyan.', 'place:gharyan', 2],
  ['Clashes broke out on the outskirts of Sirte.', 'place:sirte', 2],
  ["Clashes broke out on Tripoli's southern outskirts.", 'place:tripoli', 2],
  ['Turkish drones struck LNA positions 30 km south of Sirte.', 'place:sirte', 2],
  ['Wagner fighters dug trenches east of Misrata.', 'place:misrata', 2],
  // Regions and districts: precision 3.
  ['Fighting raged in the Jufra region.', 'place:district-jufra', 3],
  ['Armed groups clashed across the Fezzan.', 'place:fezzan', 3],
  // The event clause, not an origin, a modifier, a dateline or a later clause.
  ['Drones launched from al-Watiya struck Ghardabiya air base.', 'place:ghardabiya-air-base', 1],
  ['Fighters from Misrata attacked Bani Walid.', 'place:bani-walid', 1],
  ['A Tripoli-based militia attacked a checkpoint in Zawiya.', 'place:zawiya', 1],
  ['TRIPOLI (Reuters) - Clashes broke out in Zawiya on Friday.', 'place:zawiya', 1],
  ['Egyptian warplanes bombed Derna, after IS killed 21 Egyptians in Sirte.', 'place:derna', 1],
  // No place the knowledge base knows.
  ['Clashes broke out in southern Libya.', undefined],
  ['TRIPOLI (Reuters) - Clashes broke out on Friday.', undefined],
];

describe('pickLocation', () => {
  it('uses only ids the knowledge base has', () => {
    for (const [, id] of ROWS) if (id) expect(getEntity(id), id).toBeDefined();
  });

  it.each(ROWS)('%s → %s p%s', (text, id, precision) => {
    const location = locate(text);
    expect(location?.entityId).toBe(id);
    expect(location?.geoPrecision).toBe(precision);
  });

  it('copies name, admin1 and coordinates from the gazetteer', () => {
    const location = locate('Clashes erupted in Abu Salim.')!;
    const entry = getEntity('place:abu-salim')!;
    expect(entry.kind).toBe('location');
    if (entry.kind !== 'location') return;
    expect(location).toEqual({ name: entry.name, entityId: entry.id, admin1: entry.admin1, lat: entry.lat, lon: entry.lon, geoPrecision: 1 });
  });

  it('reads the nearest sentence that names a place when the event sentence names none', () => {
    const location = locate('Warplanes struck the airport before dawn. Mitiga has been closed since.');
    expect(location?.entityId).toBe('place:mitiga-airport');
  });

  it('prefers the place after a locative word to one merely mentioned', () => {
    expect(locate('Benghazi officials said clashes erupted in Ajdabiya.')?.entityId).toBe('place:ajdabiya');
  });
});

describe('precision on real reporting: where the speaker is', () => {
  it.each([
    ['A source from the operations room in Misrata said fighters had reached the port area south of Sirte.', 'place:sirte'],
    ['Officials in Tripoli told reporters that drones struck a farm near Gharyan.', 'place:gharyan'],
  ])('%s', (text, id) => {
    expect(locate(text)?.entityId).toBe(id);
  });
});
