import fc from 'fast-check';
import type { ClipRecord, EventLocation, TimePrecision } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { buildSearchIndex, describeFilter, facets, filterEvents, isFiltered, matchesFilter, parseQuery, searchFold, type TimelineFilter } from './filter';
import { groupEvents } from './group';

const base = makeClip();
const place = (name: string, entityId?: string): EventLocation => (entityId ? { name, entityId, geoPrecision: 1 } : { name, geoPrecision: 2 });
const TRIPOLI = place('Tripoli', 'place:tripoli');
const SIRTE = place('Sirte', 'place:sirte');
const MISRATA = place('Misrātah', 'place:misrata');
const LNA = base.actor1!;
const GNA = { name: 'Government of National Accord', entityId: 'actor:government-of-national-accord', inter: 1 as const };
const WAGNER = { name: 'Wagner Group', inter: 8 as const };
const CLASH = { ...base.event, eventType: 'Battles' as const, subEventType: 'Armed clash' as const };
const PROTEST = { ...base.event, disorderType: 'Demonstrations' as const, eventType: 'Protests' as const, subEventType: 'Peaceful protest' as const };

let k = 0;
function clip(text: string, day: string, precision: TimePrecision, overrides: Partial<ClipRecord> = {}): ClipRecord {
  k++;
  return makeClip({
    id: `f-${k}`,
    text,
    eventDate: { day, precision, method: 'expression' },
    clippedAt: new Date(Date.UTC(2024, 0, 1, 0, k)).toISOString(),
    entities: [],
    actor2: undefined,
    attribution: { perpetrator: 'unknown', statements: [], status: 'unknown' },
    ...overrides,
  });
}

/** Five events in Libya, May–June 2020. */
function timeline() {
  return groupEvents([
    clip('Drones struck Mitiga airport in Tripoli, the GNA said.', '2020-05-09', 1, {
      entities: [{ id: 'place:tripoli', name: 'Tripoli', kind: 'location', category: 'city', source: 'kb', mentions: 1 }],
    }),
    clip('Heavy clashes broke out south of Tripoli between GNA forces and the LNA.', '2020-05-16', 1, {
      location: TRIPOLI,
      event: CLASH,
      actor1: GNA,
      actor2: LNA,
      article: { ...base.article, outlet: 'Libya Observer', title: 'Clashes in Ain Zara' },
    }),
    clip('Russian Wagner mercenaries were seen near Sirte’s airbase.', '2020-05-27', 2, {
      location: SIRTE,
      event: CLASH,
      actor1: WAGNER,
      assocActors1: [LNA],
    }),
    clip('Hundreds protested in Misrata against the power cuts, “enough is enough”.', '2020-06-01', 1, {
      location: MISRATA,
      event: PROTEST,
      actor1: { name: 'Protesters (Libya)', inter: 6 },
      article: { ...base.article, outlet: 'Al Wasat', title: "Misrata's residents protest" },
    }),
    clip('The LNA shelled Abu Qurayn in June.', '2020-06-15', 3, { location: place('Abu Qurayn'), event: CLASH, actor1: LNA }),
  ]);
}

const texts = (events: ReturnType<typeof timeline>) => events.map((e) => e.lead.text.split(' ').slice(0, 2).join(' '));

describe('filterEvents: facets', () => {
  const events = timeline();

  it('matches an actor as actor1, actor2, associated actor or mentioned entity', () => {
    expect(texts(filterEvents(events, { actors: [LNA.entityId!] }))).toEqual(['Drones struck', 'Heavy clashes', 'Russian Wagner', 'The LNA']);
    expect(texts(filterEvents(events, { actors: ['name:wagner group'] }))).toEqual(['Russian Wagner']);
    expect(texts(filterEvents(events, { actors: ['name:wagner group', GNA.entityId] }))).toEqual(['Heavy clashes', 'Russian Wagner']);
  });

  it('matches a place by the location or a place entity; names without an entity by name key', () => {
    expect(texts(filterEvents(events, { places: ['place:tripoli'] }))).toEqual(['Drones struck', 'Heavy clashes']);
    expect(texts(filterEvents(events, { places: ['name:abu qurayn'] }))).toEqual(['The LNA']);
    expect(texts(filterEvents(events, { places: ['place:tripoli'], actors: [LNA.entityId!], eventTypes: ['Battles'] }))).toEqual(['Heavy clashes']);
  });

  it('matches event types', () => {
    expect(texts(filterEvents(events, { eventTypes: ['Protests', 'Explosions/Remote violence'] }))).toEqual(['Drones struck', 'Hundreds protested']);
  });
});

describe('filterEvents: date range', () => {
  const events = timeline();

  it('keeps events whose dates overlap the range, inclusive at both ends', () => {
    expect(texts(filterEvents(events, { from: '2020-05-16', to: '2020-05-16' }))).toEqual(['Heavy clashes']);
    expect(texts(filterEvents(events, { from: '2020-05-10', to: '2020-05-15' }))).toEqual([]);
    expect(texts(filterEvents(events, { from: '2020-06-02' }))).toEqual(['The LNA']);
  });

  it('uses the event’s precision: a week around its day, the whole month', () => {
    // The Sirte report is the week 24–30 May: a range ending 24 May still catches it.
    expect(texts(filterEvents(events, { from: '2020-05-20', to: '2020-05-24' }))).toEqual(['Russian Wagner']);
    expect(texts(filterEvents(events, { from: '2020-05-31', to: '2020-05-31' }))).toEqual([]);
    // "In June" overlaps a range that only touches its first day.
    expect(texts(filterEvents(events, { to: '2020-06-01', from: '2020-06-01' }))).toEqual(['Hundreds protested', 'The LNA']);
  });

  it('ignores an unusable bound rather than hiding everything', () => {
    expect(filterEvents(events, { from: '', to: 'soon' })).toHaveLength(events.length);
  });
});

describe('filterEvents: search', () => {
  const events = timeline();

  it('ignores case and diacritics both ways', () => {
    expect(texts(filterEvents(events, { text: 'MISRATAH' }))).toEqual(['Hundreds protested']);
    expect(texts(filterEvents(events, { text: 'Misrātah' }))).toEqual(['Hundreds protested']);
    expect(texts(filterEvents(events, { text: 'misrata' }))).toEqual(['Hundreds protested']);
  });

  it('ignores apostrophes, straight or curly', () => {
    expect(texts(filterEvents(events, { text: 'Sirte’s' }))).toEqual(['Russian Wagner']);
    expect(texts(filterEvents(events, { text: "sirte's airbase" }))).toEqual(['Russian Wagner']);
    expect(texts(filterEvents(events, { text: 'misratas residents' }))).toEqual(['Hundreds protested']);
  });

  it('needs every word, each at the start of a word, in any field', () => {
    expect(texts(filterEvents(events, { text: 'clash south' }))).toEqual(['Heavy clashes']);
    expect(texts(filterEvents(events, { text: 'clash' }))).toEqual(['Heavy clashes', 'Russian Wagner', 'The LNA']);
    expect(texts(filterEvents(events, { text: 'ain zara observer' }))).toEqual(['Heavy clashes']);
    expect(texts(filterEvents(events, { text: 'national army wagner' }))).toEqual(['Russian Wagner']);
    expect(texts(filterEvents(events, { text: 'peaceful' }))).toEqual(['Hundreds protested']);
    expect(texts(filterEvents(events, { text: 'rones' }))).toEqual([]);
    expect(texts(filterEvents(events, { text: 'drones sirte' }))).toEqual([]);
  });

  it('matches "quoted phrases" as whole words in that order', () => {
    expect(texts(filterEvents(events, { text: '"enough is enough"' }))).toEqual(['Hundreds protested']);
    expect(texts(filterEvents(events, { text: '“heavy clashes” tripoli' }))).toEqual(['Heavy clashes']);
    expect(texts(filterEvents(events, { text: '"clashes heavy"' }))).toEqual([]);
    expect(texts(filterEvents(events, { text: '"heavy clash"' }))).toEqual([]);
    expect(parseQuery('drone "air strike" "unclosed phrase')).toEqual({ words: [' drone'], phrases: [' air strike ', ' unclosed phrase '] });
  });

  it('treats an empty or punctuation-only query as no query', () => {
    expect(filterEvents(events, { text: '  "" — ' })).toHaveLength(events.length);
  });

  it('matchesFilter agrees with filterEvents, with or without a prebuilt index', () => {
    const index = buildSearchIndex(events);
    const filter: TimelineFilter = { text: 'lna', from: '2020-05-01', to: '2020-05-31' };
    expect(events.filter((e) => matchesFilter(e, filter, index))).toEqual(filterEvents(events, filter));
    expect(events.filter((e) => matchesFilter(e, filter))).toEqual(filterEvents(events, filter, index));
  });

  it('folds text for search', () => {
    expect(searchFold('  Ma’iteeq—Al-Watiya: Miṣrātah, ǅerna ')).toBe('maiteeq al watiya misratah dzerna');
  });
});

describe('facets', () => {
  const events = timeline();
  const counts = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((f) => [f.key, f.count]));

  it('counts events per value, sorted by count then label', () => {
    const all = facets(events, {});
    expect(all.total).toBe(5);
    expect(all.clipCount).toBe(5);
    expect(all.eventTypes.map((f) => [f.label, f.count])).toEqual([
      ['Battles', 3],
      ['Explosions/Remote violence', 1],
      ['Protests', 1],
    ]);
    expect(all.actors[0]).toEqual({ key: LNA.entityId, label: LNA.name, count: 4 });
    expect(counts(all.places)).toEqual({ 'place:mitiga-airport': 1, 'place:tripoli': 2, 'place:sirte': 1, 'place:misrata': 1, 'name:abu qurayn': 1 });
  });

  it('counts each facet under the other facets’ filters, and every facet under the date and text', () => {
    const byActor = facets(events, { actors: [GNA.entityId] });
    expect(byActor.total).toBe(1);
    // Choosing an actor narrows the places…
    expect(counts(byActor.places)).toEqual({ 'place:tripoli': 1 });
    // …but not the other actors, so the reader can switch.
    expect(counts(byActor.actors)[LNA.entityId!]).toBe(4);
    const battles = facets(events, { eventTypes: ['Battles'], from: '2020-05-01', to: '2020-05-31' });
    expect(battles.total).toBe(2);
    expect(counts(battles.eventTypes)).toEqual({ Battles: 2, 'Explosions/Remote violence': 1 });
    expect(counts(battles.places)).toEqual({ 'place:tripoli': 1, 'place:sirte': 1 });
    expect(facets(events, { text: 'wagner' }).actors.map((f) => f.key).sort()).toEqual([LNA.entityId, 'name:wagner group']);
  });

  it('keeps a chosen value listed at 0 so the reader can undo it', () => {
    const none = facets(events, { places: ['place:sirte'], eventTypes: ['Protests'] });
    expect(none.total).toBe(0);
    expect(none.places.find((f) => f.key === 'place:sirte')).toEqual({ key: 'place:sirte', label: 'Sirte', count: 0 });
    expect(none.eventTypes).toEqual([
      { key: 'Battles', label: 'Battles', count: 1 },
      { key: 'Protests', label: 'Protests', count: 0 },
    ]);
  });

  it('counts a merged event once, with the clips of all its reports', () => {
    const merged = groupEvents([
      clip('First report', '2020-05-09', 1, { location: TRIPOLI, eventGroup: 'g' }),
      clip('Second report', '2020-05-10', 1, { location: SIRTE, eventGroup: 'g' }),
    ]);
    const f = facets(merged, {});
    expect([f.total, f.clipCount]).toEqual([1, 2]);
    expect(counts(f.places)).toEqual({ 'place:tripoli': 1, 'place:sirte': 1 });
  });
});

describe('describeFilter', () => {
  it('names actors, places and types, the date range and the search', () => {
    const labels = new Map([[LNA.entityId!, 'Libyan National Army']]);
    expect(describeFilter({ actors: [LNA.entityId!], from: '2020-05-01', to: '2020-05-31', text: 'drone' }, labels)).toBe(
      'actor: Libyan National Army; 1–31 May 2020; “drone”',
    );
    expect(describeFilter({ places: ['place:tripoli', 'name:wadi zamzam'], eventTypes: ['Battles'], from: '2020-04-28' }, (key) => (key === 'place:tripoli' ? 'Tripoli' : undefined))).toBe(
      'place: Tripoli or wadi zamzam; type: Battles; from 28 April 2020',
    );
    expect(describeFilter({ to: '2020-01-02', from: '2019-12-30', text: ' "air strike"  sirte ' })).toBe('30 December 2019 – 2 January 2020; search: "air strike" sirte');
    expect(describeFilter({})).toBe('');
  });

  it('uses labels seen in indexed events when none are given', () => {
    facets(timeline(), {});
    expect(describeFilter({ actors: ['actor:government-of-national-accord'], places: ['place:misrata'] })).toBe('actor: Government of National Accord; place: Misrātah');
  });
});

describe('filterEvents: properties', () => {
  const events = timeline();
  const keys = facets(events, {});
  const filterArb: fc.Arbitrary<TimelineFilter> = fc.record(
    {
      actors: fc.subarray(keys.actors.map((f) => f.key), { minLength: 1 }),
      places: fc.subarray(keys.places.map((f) => f.key), { minLength: 1 }),
      eventTypes: fc.subarray(['Battles', 'Protests', 'Explosions/Remote violence', 'Riots'], { minLength: 1 }),
      from: fc.constantFrom('2020-05-01', '2020-05-16', '2020-05-28', '2020-06-10'),
      to: fc.constantFrom('2020-05-09', '2020-05-20', '2020-06-01', '2020-06-30'),
      text: fc.constantFrom('tripoli', 'lna', '"heavy clashes"', 'misrata protest', 'x'),
    },
    { requiredKeys: [] },
  );

  it('an empty filter keeps every event', () => {
    expect(filterEvents(events, {})).toEqual(events);
    expect(filterEvents(events, { actors: [], places: [], eventTypes: [], text: '' })).toEqual(events);
  });

  it('adding a constraint never adds events, and the total facet count is the filtered count', () => {
    fc.assert(
      fc.property(filterArb, filterArb, (a, b) => {
        const narrower: TimelineFilter = { ...b, ...a };
        const wide = filterEvents(events, a);
        const narrow = filterEvents(events, narrower);
        expect(narrow.every((e) => wide.includes(e))).toBe(true);
        expect(facets(events, narrower).total).toBe(narrow.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isFiltered', () => {
  it('counts only constraints that constrain', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ actors: [], text: '', from: undefined })).toBe(false);
    expect(isFiltered({ places: ['place:sirte'] })).toBe(true);
    expect(isFiltered({ text: 'drone' })).toBe(true);
    expect(isFiltered({ to: '2020-05-31' })).toBe(true);
  });
});
