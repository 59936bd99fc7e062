import fc from 'fast-check';
import { fromNumber, toNumber } from '../extraction/calendar';
import type { ClipRecord, EventLocation, TimePrecision } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { dateInterval, groupEvents, placeKey } from './group';

const base = makeClip();
const TRIPOLI: EventLocation = { name: 'Tripoli', entityId: 'place:tripoli', admin1: 'Tripoli', geoPrecision: 1 };
const SIRTE: EventLocation = { name: 'Sirte', entityId: 'place:sirte', admin1: 'Sirte', geoPrecision: 1 };
const MITIGA = base.location!;
const CLASH = { ...base.event, eventType: 'Battles' as const, subEventType: 'Armed clash' as const, cue: 'clashes' };
const SHELLING = { ...base.event, subEventType: 'Shelling/artillery/missile attack' as const, cue: 'shelled' };

let minute = 0;
/** A clip of `day` at `precision`, clipped a minute after the previous one unless told. */
function clip(day: string, precision: TimePrecision = 1, overrides: Partial<ClipRecord> = {}): ClipRecord {
  minute++;
  return makeClip({
    eventDate: { day, precision, method: 'expression' },
    clippedAt: new Date(Date.UTC(2024, 2, 5, 10, minute)).toISOString(),
    attribution: { perpetrator: 'unknown', statements: [], status: 'unknown' },
    ...overrides,
  });
}

const ids = (events: ReturnType<typeof groupEvents>) => events.map((e) => e.clips.map((c) => c.id).sort());

describe('dateInterval', () => {
  it('is the day, the week around it, or the month', () => {
    const n = toNumber('2020-05-16')!;
    expect(dateInterval({ day: '2020-05-16', precision: 1 })).toEqual({ first: n, last: n });
    expect(dateInterval({ day: '2020-05-16', precision: 2 })).toEqual({ first: n - 3, last: n + 3 });
    const feb = dateInterval({ day: '2020-02-10', precision: 3 });
    expect([fromNumber(feb.first), fromNumber(feb.last)]).toEqual(['2020-02-01', '2020-02-29']);
    const dec = dateInterval({ day: '2019-12-31', precision: 3 });
    expect([fromNumber(dec.first), fromNumber(dec.last)]).toEqual(['2019-12-01', '2019-12-31']);
  });

  it('counts days as lib/extraction/calendar.ts does, for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: toNumber('1900-01-01')!, max: toNumber('2100-12-31')! }), (n) => {
        expect(dateInterval({ day: fromNumber(n), precision: 1 }).first).toBe(n);
      }),
    );
  });

  it('does not throw on a day that does not exist', () => {
    expect(dateInterval({ day: '2019-02-29', precision: 1 })).toEqual({ first: 0, last: 0 });
    expect(dateInterval({ day: 'yesterday', precision: 3 })).toEqual({ first: 0, last: 0 });
  });
});

describe('placeKey', () => {
  it('prefers the entity, else folds the name', () => {
    expect(placeKey(TRIPOLI)).toBe('place:tripoli');
    expect(placeKey({ name: 'Abu  Qurayn' })).toBe(placeKey({ name: 'abu qurayn' }));
    expect(placeKey({ name: 'Qasr Bin Ghashīr' })).toBe(placeKey({ name: 'Qasr bin Ghashir' }));
    expect(placeKey({ name: 'Sirte' })).not.toBe(placeKey(SIRTE));
  });
});

describe('groupEvents: automatic grouping', () => {
  it('groups reports of the same strike and keeps other places, types and days apart', () => {
    const reuters = clip('2019-08-30', 1, { id: 'a' });
    const aljazeera = clip('2019-08-30', 1, { id: 'b', article: { ...base.article, outlet: 'Al Jazeera' } });
    const otherDay = clip('2019-08-31', 1, { id: 'c' });
    const otherPlace = clip('2019-08-30', 1, { id: 'd', location: TRIPOLI });
    const otherSubType = clip('2019-08-30', 1, { id: 'e', event: SHELLING });
    const otherType = clip('2019-08-30', 1, { id: 'f', event: CLASH });
    const events = groupEvents([reuters, otherDay, aljazeera, otherPlace, otherSubType, otherType]);
    expect(ids(events)).toEqual([['a', 'b'], ['d'], ['e'], ['f'], ['c']]);
    expect(events[0]!.sources).toEqual(['Example News', 'Al Jazeera']);
  });

  it('matches places by name when they have no entity, and never groups clips without a place', () => {
    const a = clip('2020-05-16', 1, { id: 'a', location: { name: 'Wadi al-Hayat', geoPrecision: 2 } });
    const b = clip('2020-05-16', 1, { id: 'b', location: { name: 'wadi al hayat', geoPrecision: 2 } });
    const c = clip('2020-05-16', 1, { id: 'c', location: undefined });
    const d = clip('2020-05-16', 1, { id: 'd', location: undefined });
    expect(ids(groupEvents([a, b, c, d]))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('matches a week-precision report across a month boundary', () => {
    // Week of 29 May–4 June (dated mid-week, 1 June) overlaps 30 May.
    const week = clip('2020-06-01', 2, { id: 'week' });
    const day = clip('2020-05-30', 1, { id: 'day' });
    const tooEarly = clip('2020-05-28', 1, { id: 'early' });
    expect(ids(groupEvents([week, day, tooEarly]))).toEqual([['early'], ['day', 'week']]);
  });

  it('matches a month-precision report with a day in that month only', () => {
    const month = clip('2020-05-15', 3, { id: 'month' });
    const inMonth = clip('2020-05-31', 1, { id: 'in' });
    const nextMonth = clip('2020-06-01', 1, { id: 'out' });
    expect(ids(groupEvents([month, inMonth, nextMonth]))).toEqual([['in', 'month'], ['out']]);
  });

  it('two week reports six days apart overlap, seven apart do not', () => {
    expect(ids(groupEvents([clip('2020-05-10', 2, { id: 'a' }), clip('2020-05-16', 2, { id: 'b' })]))).toEqual([['a', 'b']]);
    expect(ids(groupEvents([clip('2020-05-10', 2, { id: 'a' }), clip('2020-05-17', 2, { id: 'b' })]))).toEqual([['a'], ['b']]);
  });

  it('does not let a vague report weld two precise events together', () => {
    const may3 = clip('2020-05-03', 1, { id: 'may3' });
    const may20 = clip('2020-05-20', 1, { id: 'may20' });
    const inMay = clip('2020-05-15', 3, { id: 'in-may' });
    expect(ids(groupEvents([may3, may20, inMay]))).toEqual([['may3'], ['in-may'], ['may20']]);
    // With one precise event in the month, the vague report joins it.
    expect(ids(groupEvents([may3, inMay]))).toEqual([['in-may', 'may3']]);
  });

  it('chains week reports to each other, then to the one day they overlap', () => {
    const a = clip('2020-05-04', 2, { id: 'a' });
    const b = clip('2020-05-09', 2, { id: 'b' }); // overlaps a (6 days apart), reaches 12 May
    const day = clip('2020-05-12', 1, { id: 'day' }); // overlaps b only
    expect(ids(groupEvents([a, b, day]))).toEqual([['a', 'b', 'day']]);
  });

  it('gives the same events whatever the order of the input', () => {
    const days = ['2020-05-01', '2020-05-03', '2020-05-05', '2020-05-15', '2020-05-31', '2020-06-01'];
    const pool = days.flatMap((day, i) => [
      clip(day, 1, { id: `d${i}` }),
      clip(day, 2, { id: `w${i}` }),
      clip(day, 3, { id: `m${i}`, location: i % 2 ? TRIPOLI : MITIGA }),
    ]);
    const expected = groupEvents(pool).map((e) => [e.id, e.clips.map((c) => c.id)]);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), (shuffled) => {
        expect(groupEvents(shuffled).map((e) => [e.id, e.clips.map((c) => c.id)])).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('groupEvents: event fields', () => {
  it('orders events by day, then by when first clipped', () => {
    const late = clip('2020-05-20', 1, { id: 'late', location: SIRTE });
    const firstClipped = clip('2020-05-10', 1, { id: 'x', location: TRIPOLI });
    const secondClipped = clip('2020-05-10', 1, { id: 'y', location: SIRTE });
    expect(groupEvents([late, secondClipped, firstClipped]).map((e) => e.id)).toEqual(['x', 'y', 'late']);
  });

  it('keeps the id of the earliest-clipped clip when earlier-dated or later reports arrive', () => {
    const first = clip('2020-05-10', 1, { id: 'first' });
    const before = groupEvents([first])[0]!.id;
    const laterReport = clip('2020-05-10', 1, { id: 'aaa-later' });
    expect(groupEvents([laterReport, first])[0]!.id).toBe(before);
    expect(groupEvents([laterReport, first])[0]!.clips.map((c) => c.id)).toEqual(['first', 'aaa-later']);
  });

  it('leads with a clip the reader edited, and takes the day and precision from it', () => {
    const a = clip('2020-05-15', 3, { id: 'a' });
    const edited = clip('2020-05-12', 1, {
      id: 'edited',
      edits: { fields: ['eventDate'], editedAt: '2024-03-06T09:00:00.000Z', original: { eventDate: { day: '2020-05-15', precision: 3, method: 'publication' } } },
    });
    const [event] = groupEvents([a, edited]);
    expect(event!.lead.id).toBe('edited');
    expect([event!.day, event!.precision]).toEqual(['2020-05-12', 1]);
    expect(event!.id).toBe('a');
    const [plain] = groupEvents([a, clip('2020-05-15', 1, { id: 'b' })]);
    expect([plain!.lead.id, plain!.day, plain!.precision]).toEqual(['a', '2020-05-15', 3]);
  });

  it('lists outlets once, ignoring case, falling back to the host', () => {
    const a = clip('2020-05-10', 1, { article: { ...base.article, outlet: 'Libya Observer' } });
    const b = clip('2020-05-10', 1, { article: { ...base.article, outlet: 'LIBYA OBSERVER' } });
    const c = clip('2020-05-10', 1, { article: { ...base.article, outlet: '', url: 'https://www.libyaherald.com/2020/05/x' } });
    expect(groupEvents([a, b, c])[0]!.sources).toEqual(['Libya Observer', 'libyaherald.com']);
  });
});

describe('groupEvents: regrouping', () => {
  it('hands back unchanged events as they were, and rebuilds those whose clips changed', () => {
    const a = clip('2020-05-10', 1, { id: 'a' });
    const other = clip('2020-05-11', 1, { id: 'other', location: SIRTE });
    const before = groupEvents([a, other]);
    const later = clip('2020-05-10', 1, { id: 'b', text: 'An air raid shut Mitiga, the capital’s only working airport.', selectors: [], article: { ...base.article, outlet: 'Al Jazeera' } });
    const after = groupEvents([a, other, later]);
    expect(after[1]).toBe(before[1]);
    expect(after[0]).not.toBe(before[0]);
    expect([after[0]!.clips.length, after[0]!.grade]).toEqual([2, 'fair']);
    // An edited clip is a new record: its event is rebuilt with it as the lead.
    const edited = { ...a, eventDate: { day: '2020-05-09', precision: 1 as const, method: 'expression' as const }, edits: { fields: ['eventDate' as const], editedAt: '2024-03-06T09:00:00.000Z', original: { eventDate: a.eventDate } } };
    const regrouped = groupEvents([edited, other]);
    expect([regrouped[0]!.lead, regrouped[0]!.day]).toEqual([edited, '2020-05-09']);
    // Split off again: the same first clip, now alone, is a new event.
    expect(groupEvents([a, other])[0]!.clips).toEqual([a]);
  });
});

describe('groupEvents: the reader’s grouping', () => {
  it('merges clips sharing an eventGroup whatever their place, type or date, and keeps them out of automatic groups', () => {
    const a = clip('2020-05-01', 1, { id: 'a', eventGroup: 'g1', location: TRIPOLI });
    const b = clip('2020-06-20', 1, { id: 'b', eventGroup: 'g1', location: SIRTE, event: CLASH });
    const auto = clip('2020-05-01', 1, { id: 'auto', location: TRIPOLI });
    const events = groupEvents([a, b, auto]);
    expect(ids(events)).toEqual([['a', 'b'], ['auto']]);
    expect(events[0]!.id).toBe('g1');
    expect(events.map((e) => e.readerGrouped)).toEqual([true, false]);
  });

  it('keeps a split clip alone even when it matches another exactly', () => {
    const a = clip('2020-05-01', 1, { id: 'a' });
    const b = clip('2020-05-01', 1, { id: 'b', eventGroup: 'solo:b' });
    const c = clip('2020-05-01', 1, { id: 'c' });
    const events = groupEvents([a, b, c]);
    expect(ids(events)).toEqual([['a', 'c'], ['b']]);
    expect(events[1]!.id).toBe('solo:b');
  });

  it('gives clips carrying the same solo value (an imported copy) an event each, with distinct ids', () => {
    const events = groupEvents([clip('2020-05-01', 1, { id: 'x', eventGroup: 'solo:x' }), clip('2020-05-01', 1, { id: 'y', eventGroup: 'solo:x' })]);
    expect(events.map((e) => e.id)).toEqual(['solo:x', 'solo:y']);
  });
});

describe('groupEvents at scale', () => {
  const PLACES = ['tripoli', 'sirte', 'mitiga-airport', 'misrata', 'benghazi', 'derna', 'sabha', 'zawiya', 'gharyan', 'tarhuna'];
  const TYPES = [base.event, SHELLING, CLASH];
  const start = toNumber('2019-01-01')!;

  function generate(count: number, precisions: readonly TimePrecision[], seed: number): ClipRecord[] {
    let state = seed;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    return Array.from({ length: count }, (_, i) => {
      const place = PLACES[next(PLACES.length)]!;
      return makeClip({
        id: `gen-${i}`,
        clippedAt: new Date(Date.UTC(2024, 0, 1) + next(10_000_000) * 1000).toISOString(),
        location: { name: place, entityId: `place:${place}`, geoPrecision: 1 },
        event: TYPES[next(TYPES.length)]!,
        eventDate: { day: fromNumber(start + next(730)), precision: precisions[next(precisions.length)]!, method: 'expression' },
        attribution: { perpetrator: 'unknown', statements: [], status: 'unknown' },
      });
    });
  }

  it('groups 10,000 day-precision clips exactly by place, type and day', () => {
    const clips = generate(10_000, [1], 7);
    const t0 = performance.now();
    const events = groupEvents(clips);
    console.info(`groupEvents: 10,000 clips → ${events.length} events in ${(performance.now() - t0).toFixed(1)} ms`);
    const reference = new Map<string, string[]>();
    for (const c of clips) {
      const key = `${c.location!.entityId}|${c.event.subEventType}|${c.eventDate.day}`;
      reference.set(key, [...(reference.get(key) ?? []), c.id]);
    }
    expect(events.length).toBe(reference.size);
    for (const event of events) {
      const c = event.clips[0]!;
      expect(event.clips.map((x) => x.id).sort()).toEqual(reference.get(`${c.location!.entityId}|${c.event.subEventType}|${c.eventDate.day}`)!.sort());
    }
    for (let i = 1; i < events.length; i++) expect(events[i - 1]!.day <= events[i]!.day).toBe(true);
  });

  it('groups 10,000 clips of mixed precision into connected, same-place, same-type events, whatever the order', () => {
    const clips = generate(10_000, [1, 1, 1, 2, 3], 11);
    const events = groupEvents(clips);
    expect(events.reduce((n, e) => n + e.clips.length, 0)).toBe(clips.length);
    expect(new Set(events.flatMap((e) => e.clips.map((c) => c.id))).size).toBe(clips.length);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const event of events) {
      const keys = new Set(event.clips.map((c) => `${c.location!.entityId}|${c.event.subEventType}`));
      expect(keys.size).toBe(1);
      // Every clip overlaps another member: no clip is in an event it does not match.
      if (event.clips.length > 1) {
        for (const c of event.clips) {
          const own = dateInterval(c.eventDate);
          expect(event.clips.some((o) => o !== c && dateInterval(o.eventDate).first <= own.last && dateInterval(o.eventDate).last >= own.first)).toBe(true);
        }
      }
    }
    const reversed = groupEvents([...clips].reverse());
    expect(reversed.map((e) => e.clips.map((c) => c.id))).toEqual(events.map((e) => e.clips.map((c) => c.id)));
  });
});
