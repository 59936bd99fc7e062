// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipEdit } from '../../extraction/types';
import { toKbEntities } from '../../settings/watchlist';
import { makeClip } from '../../storage/fixtures';
import { editChoices, renderEditForm } from './edit-form';

const record = makeClip();

function form(choices = editChoices()) {
  const submitted: ClipEdit[] = [];
  const el = renderEditForm(record, (edit) => submitted.push(edit), vi.fn(), choices);
  document.body.replaceChildren(el);
  const input = (name: string) => el.querySelector<HTMLInputElement & HTMLSelectElement>(`[name="${name}"]`)!;
  const set = (name: string, value: string, event = 'input') => {
    input(name).value = value;
    input(name).dispatchEvent(new Event(event));
  };
  const submit = () => el.dispatchEvent(new Event('submit', { cancelable: true }));
  return { el, input, set, submit, submitted, error: () => el.querySelector('.tl-form-error')!.textContent };
}

beforeEach(() => document.body.replaceChildren());

describe('the correction form', () => {
  it('starts from the record and sends nothing when nothing changed', () => {
    const f = form();
    expect(f.input('day').value).toBe(record.eventDate.day);
    expect(f.input('type').value).toBe('Explosions/Remote violence|Air/drone strike');
    expect(f.input('actor2-inter').value).toBe('7');
    expect(f.input('lat').value).toBe(String(record.location!.lat));
    f.submit();
    expect(f.submitted).toEqual([{}]);
  });

  it('sends only what changed, with the disorder type ACLED gives the new type', () => {
    const f = form();
    f.set('day', '2019-08-29');
    f.set('type', 'Protests|Excessive force against protesters', 'change');
    f.submit();
    expect(f.submitted[0]).toEqual({
      eventDate: { day: '2019-08-29', precision: 1, method: record.eventDate.method, reference: record.eventDate.reference },
      event: { eventType: 'Protests', subEventType: 'Excessive force against protesters', disorderType: 'Political violence; Demonstrations', civilianTargeting: false },
    });
  });

  it('takes a known place with its own coordinates, even when the old ones are still in the fields', () => {
    const f = form();
    f.input('place').value = 'Sirte';
    // Submitted straight away (Enter in the field): no change event has refreshed the coordinates.
    f.submit();
    expect(f.submitted[0]!.location).toMatchObject({ name: 'Sirte', entityId: 'place:sirte', geoPrecision: 1 });
    expect(f.submitted[0]!.location!.lat).toBeCloseTo(31.2, 1);
  });

  it('keeps a place of the reader’s own with the coordinates they typed, and without any when they typed none', () => {
    const f = form();
    f.input('place').value = 'Bir Tuwaylah';
    f.submit();
    expect(f.submitted[0]!.location).toEqual({ name: 'Bir Tuwaylah', geoPrecision: 1 });
    f.set('lat', '31.1234');
    f.set('lon', '12.2');
    f.submit();
    expect(f.submitted[1]!.location).toEqual({ name: 'Bir Tuwaylah', geoPrecision: 1, lat: 31.1234, lon: 12.2 });
  });

  it('refuses half a pair of coordinates or one out of range, and says why', () => {
    const f = form();
    f.set('lat', '');
    f.submit();
    expect(f.submitted).toEqual([]);
    expect(f.error()).toMatch(/both coordinates/);
    f.set('lat', '132.5');
    f.submit();
    expect(f.submitted).toEqual([]);
    expect(document.activeElement).toBe(f.input('lat'));
  });

  it('suggests the reader’s watchlist and files a watched actor under its own id', () => {
    const watched = toKbEntities([
      { id: 'watch-abu-bakr-al-zawi', name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'armed group', aliases: [], addedAt: '2024-01-01T00:00:00.000Z' },
    ]);
    const f = form(editChoices(watched));
    expect([...f.el.querySelectorAll('#tl-actor-names option')].some((o) => o.getAttribute('value') === 'Abu Bakr al-Zawi')).toBe(true);
    f.input('actor1-name').value = 'Abu Bakr al-Zawi';
    f.submit();
    expect(f.submitted[0]!.actor1).toMatchObject({ name: 'Abu Bakr al-Zawi', entityId: 'watch-abu-bakr-al-zawi' });
    // Clearing the second actor is an edit too.
    f.input('actor2-name').value = '';
    f.submit();
    expect(f.submitted[1]!.actor2).toBeNull();
  });
});
