import { describe, expect, it } from 'vitest';
import type { ClipEdit, ClipRecord, EventDate } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { applyEdit, checkEdit, readEdit, regroup } from './edits';

const FIRST = new Date('2025-02-01T09:00:00.000Z');
const LATER = new Date('2025-02-03T17:30:00.000Z');

const tarhuna = { name: 'Tarhuna', entityId: 'place:tarhuna', admin1: 'Murqub', lat: 32.435, lon: 13.6332, geoPrecision: 1 as const };
const weekOf = (day: string): EventDate => ({ day, precision: 2, method: 'publication', reference: day });

describe('applyEdit', () => {
  it('sets the fields, keeps what the extraction read, and marks the record as edited', () => {
    const record = makeClip();
    const edited = applyEdit(record, { location: tarhuna, actor2: null }, FIRST);
    expect(edited.location).toEqual(tarhuna);
    expect('actor2' in edited).toBe(false);
    expect(edited.edits).toEqual({
      fields: ['actor2', 'location'],
      editedAt: FIRST.toISOString(),
      original: { actor2: record.actor2, location: record.location },
    });
    expect(edited.updatedAt).toBe(FIRST.toISOString());
    // The input is left alone: the store may retry the patch.
    expect(record.edits).toBeUndefined();
    expect(record.location?.name).toBe('Mitiga Airport');
  });

  it('keeps the true original across edits, in first-edit order', () => {
    const record = makeClip();
    const once = applyEdit(record, { location: tarhuna }, FIRST);
    const twice = applyEdit(once, { eventDate: weekOf('2019-08-26'), location: { name: 'Tripoli', geoPrecision: 3 } }, LATER);
    expect(twice.edits?.fields).toEqual(['location', 'eventDate']);
    expect(twice.edits?.original).toEqual({ location: record.location, eventDate: record.eventDate });
    expect(twice.edits?.editedAt).toBe(LATER.toISOString());
    expect(twice.location).toEqual({ name: 'Tripoli', geoPrecision: 3 });
  });

  it('records null as the original of a field the extraction left empty', () => {
    const record = makeClip({ actor2: undefined });
    const edited = applyEdit(record, { actor2: { name: 'Civilians (Libya)', inter: 7 } }, FIRST);
    expect(edited.edits?.original).toEqual({ actor2: null });
    const back = applyEdit(edited, { actor2: null }, LATER);
    expect(back).toStrictEqual({ ...record, updatedAt: LATER.toISOString() });
  });

  it('forgets an edit back to the original value, and the edits once none remain', () => {
    const record = makeClip();
    const edited = applyEdit(record, { location: tarhuna, event: { ...record.event, subEventType: 'Shelling/artillery/missile attack' } }, FIRST);
    // The same value with its keys in another order is the same value.
    const reordered = Object.fromEntries(Object.entries(record.location!).reverse()) as ClipRecord['location'];
    const half = applyEdit(edited, { location: reordered }, LATER);
    expect(half.edits).toEqual({ fields: ['event'], editedAt: LATER.toISOString(), original: { event: record.event } });
    const none = applyEdit(half, { event: record.event }, LATER);
    expect(none.edits).toBeUndefined();
    expect(none).toStrictEqual({ ...record, updatedAt: LATER.toISOString() });
  });

  it('changes nothing for an edit to the values already there', () => {
    const record = makeClip();
    expect(applyEdit(record, { location: record.location, actor1: record.actor1 }, FIRST)).toBe(record);
  });
});

describe('checkEdit and readEdit', () => {
  it('accepts a valid correction and rebuilds it from known fields only', () => {
    const changes = { location: { ...tarhuna, extra: 'x' }, actor1: null, text: 'not editable' };
    expect(checkEdit(changes)).toBeUndefined();
    expect(readEdit(changes)).toStrictEqual({ ok: true, edit: { location: tarhuna, actor1: null } satisfies ClipEdit });
  });

  it('holds an edit to the importer rules, in one sentence', () => {
    expect(checkEdit({ eventDate: { ...weekOf('2019-08-26'), day: '0025-04-01' } })).toBe(
      'Event date "0025-04-01" is not a plausible date (years 1900–2100).',
    );
    expect(checkEdit({ actor1: { name: 'LNA', inter: 11 } })).toBe(
      'Actor 1 ACLED actor type 11 is not one of 0, 1, 2, 3, 4, 5, 6, 7, 8.',
    );
    expect(checkEdit({ event: { disorderType: 'Political violence', eventType: 'Riots', subEventType: 'Armed clash', civilianTargeting: false } })).toBe(
      '"Armed clash" is not an ACLED sub-event type of "Riots".',
    );
    expect(checkEdit({ location: { ...tarhuna, lon: 200 } })).toBe('Event location longitude 200 should be a number from −180 to 180.');
    expect(checkEdit({ actor2: { name: '<img src=x onerror=alert(1)>', inter: 7 } })).toMatch(/^Actor 2 name contains markup/);
    expect(checkEdit({ eventDate: null })).toBe('The event date cannot be cleared, only changed.');
    expect(checkEdit({ event: null })).toBe('The event type cannot be cleared, only changed.');
    expect(checkEdit({})).toBe('The correction changes nothing.');
    expect(checkEdit({ text: 'x' })).toBe('The correction changes nothing.');
    expect(checkEdit('location=Tarhuna')).toBe('The correction arrived empty.');
    expect(checkEdit(null)).toBe('The correction arrived empty.');
  });
});

describe('regroup', () => {
  const a = makeClip({ id: 'clip-a' });
  const b = makeClip({ id: 'clip-b' });
  const c = makeClip({ id: 'clip-c' });

  it('merges into a new group named for the first clip', () => {
    const merged = regroup([b, a, c], 'merge');
    expect(merged.map((r) => r.eventGroup)).toEqual(['group-clip-b', 'group-clip-b', 'group-clip-b']);
    expect(merged.map((r) => r.id)).toEqual(['clip-b', 'clip-a', 'clip-c']);
    expect(b.eventGroup).toBeUndefined();
  });

  it('merges into a group one of them already has, ignoring solo marks', () => {
    const solo = { ...a, eventGroup: 'solo:clip-a' };
    const grouped = { ...c, eventGroup: 'group-clip-x' };
    expect(regroup([solo, b, grouped], 'merge').map((r) => r.eventGroup)).toEqual(['group-clip-x', 'group-clip-x', 'group-clip-x']);
    expect(regroup([solo, b], 'merge', (first) => `g-${first.id}-2`).map((r) => r.eventGroup)).toEqual(['g-clip-a-2', 'g-clip-a-2']);
  });

  it('splits into one solo group per clip', () => {
    const together = regroup([a, b], 'merge');
    expect(regroup(together, 'split').map((r) => r.eventGroup)).toEqual(['solo:clip-a', 'solo:clip-b']);
    expect(regroup([], 'merge')).toEqual([]);
  });
});
