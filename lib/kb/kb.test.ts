import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aliasText, keyOf } from '../recognition/aliases';
import { actors, entities, getEntityInfo, getMatcher, places, sharedAliases } from '.';

/** Integrity of the knowledge base as shipped, and the matcher's decisions on real press phrasing. */

// Libya's extent with a margin for offshore fields (Natural Earth outline: 19.5–33.2 N, 9.4–25.2 E).
const BBOX = { south: 19.4, north: 34.0, west: 9.3, east: 25.2 };
const sourcesDoc = (file: string) => readFileSync(fileURLToPath(new URL(`./data/${file}`, import.meta.url)), 'utf8');

describe('knowledge base integrity', () => {
  it('has the breadth the product promises', () => {
    expect(actors.length).toBeGreaterThanOrEqual(200);
    expect(places.length).toBeGreaterThanOrEqual(400);
  });

  it('gives every entry a unique, well-formed id of its kind', () => {
    const ids = entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of actors) expect(a.id).toMatch(/^actor:[a-z0-9-]+$/);
    for (const p of places) expect(p.id).toMatch(/^place:[a-z0-9-]+$/);
    for (const a of actors) expect(a.kind).toBe('actor');
    for (const p of places) expect(p.kind).toBe('location');
  });

  it('lets no alias be claimed by two entries without a rule', () => {
    expect(getMatcher().conflicts).toEqual([]);
  });

  it('keeps shared-alias rules consistent with the data', () => {
    for (const rule of sharedAliases) {
      expect(getEntityInfo(rule.winner), rule.alias).toBeDefined();
      for (const other of rule.others) expect(getEntityInfo(other), `${rule.alias} → ${other}`).toBeDefined();
      expect(rule.why.length).toBeGreaterThan(10);
    }
  });

  it('places every place inside Libya', () => {
    const outside = places.filter(
      (p) => !(p.lat >= BBOX.south && p.lat <= BBOX.north && p.lon >= BBOX.west && p.lon <= BBOX.east),
    );
    expect(outside.map((p) => `${p.id} ${p.lat},${p.lon}`)).toEqual([]);
  });

  it('says where every entry came from, with sources the docs explain', () => {
    const docs = sourcesDoc('actors.sources.md') + sourcesDoc('places.sources.md');
    const undocumented = new Set<string>();
    for (const e of entities) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources) {
        const key = s.split(':')[0]!;
        if (!/^https?$/.test(key) && !docs.includes(key)) undocumented.add(key);
      }
    }
    expect([...undocumented]).toEqual([]);
  });

  it('has no empty or duplicate aliases within an entry', () => {
    for (const e of entities) {
      const keys = e.aliases.map((a) => keyOf(aliasText(a)));
      expect(keys.filter((k) => !k), e.id).toEqual([]);
    }
  });

  it('covers the names and spellings the press uses', () => {
    const m = getMatcher();
    const idOf = (text: string) => m.find(text).map((x) => x.entityId);
    const spellings = [
      'Haftar', 'Hifter', 'Heftar', 'Sarraj', 'Serraj', 'Dbeibah', 'Dbeiba', 'Gaddafi', 'Qaddafi', 'Ghadhafi',
      'Misrata', 'Misurata', 'Misratah', 'Mitiga', 'Maitiga', 'Watiya', 'Wattiya', 'Jufra', 'Jofra', 'Derna',
      'Darnah', 'Sirte', 'Surt', 'Benghazi', 'Zawiya', 'Zawiyah', 'Daesh', 'ISIS', 'ISIL', 'LNA', 'GNA', 'GNU',
      'UNSMIL', 'AFRICOM', 'Wagner', 'Turkish', 'Emirati', 'Es Sider', 'Ras Lanuf', 'Sharara', 'Tripolitania',
      'Cyrenaica', 'Fezzan',
    ];
    const missing = spellings.filter((s) => idOf(`Reports said ${s} was involved.`).length === 0);
    expect(missing).toEqual([]);
  });
});

describe('ambiguity on real press phrasing (real knowledge base)', () => {
  const m = getMatcher();
  const found = (text: string) => m.find(text).map((x) => text.slice(x.start, x.end));

  it('"IS" vs "is"', () => {
    expect(found('The IS group claimed the attack, which is the third this month.')).toEqual(['IS']);
  });

  it('"US" vs "us"', () => {
    expect(found('A US drone strike, a local told us.')).toEqual(['US']);
  });

  it('the Pentagon is the United States, the Pentagon Papers are not', () => {
    expect(found('The Pentagon said it had targeted a training camp near Sabratha.')).toEqual(['Pentagon', 'Sabratha']);
    expect(found('He leaked the Pentagon Papers.')).toEqual([]);
  });

  it('Tripoli in Lebanon is not Tripoli in Libya', () => {
    expect(found('Protesters gathered in Tripoli, Lebanon, on Sunday.')).toEqual([]);
    expect(found('Clashes erupted in Tripoli, the Libyan capital.')).toEqual(['Tripoli', 'Libyan capital']);
  });

  it('names that are common words only when they name', () => {
    expect(found('We had turkey for dinner.')).toEqual([]);
    expect(found('Turkey sent drones.')).toEqual(['Turkey']);
  });

  it('demonyms point at their state', () => {
    const m2 = getMatcher();
    const ids = (t: string) => m2.find(t).map((x) => x.entityId);
    expect(ids('Turkish drones and Emirati jets')).toHaveLength(2);
    expect(new Set(ids('Turkish drones struck; Turkey denied it.')).size).toBe(1);
  });

  it('prefers the longest name', () => {
    expect(found('Khalifa Haftar and Saif al-Islam Gaddafi met.')).toEqual(['Khalifa Haftar', 'Saif al-Islam Gaddafi']);
  });
});
