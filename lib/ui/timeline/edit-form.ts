import { actorOf, CIVILIANS, MIGRANTS, PROTESTERS, RIOTERS, UNIDENTIFIED_ARMED_GROUP, UNIDENTIFIED_MILITARY } from '../../extraction/acled-actors';
import { disorderTypeOf, EVENT_TAXONOMY } from '../../extraction/taxonomy';
import type { ClipEdit, ClipRecord, EventActor, EventLocation, EventType, SubEventType, TimePrecision } from '../../extraction/types';
import { actors, places } from '../../kb';
import { h } from '../dom';

/** Generic ACLED actors the reader may pick besides the knowledge base's. */
const GENERIC: readonly EventActor[] = [UNIDENTIFIED_MILITARY, UNIDENTIFIED_ARMED_GROUP, CIVILIANS, MIGRANTS, PROTESTERS, RIOTERS];

let actorByName: Map<string, EventActor> | undefined;
let placeByName: Map<string, EventLocation> | undefined;

/** The actors and places the form offers, by lower-cased name (built on first use of the editor). */
function choices(): { actorByName: Map<string, EventActor>; placeByName: Map<string, EventLocation> } {
  actorByName ??= new Map([...actors.map(actorOf), ...GENERIC].map((actor) => [actor.name.toLowerCase(), actor]));
  placeByName ??= new Map(
    places.map((place) => [
      place.name.toLowerCase(),
      { name: place.name, entityId: place.id, admin1: place.admin1, lat: place.lat, lon: place.lon, geoPrecision: 1 as const },
    ]),
  );
  return { actorByName, placeByName };
}

const INTER_LABELS = ['0 unknown', '1 state forces', '2 rebel group', '3 political militia', '4 identity militia', '5 rioters', '6 protesters', '7 civilians', '8 external/other'];

/** A typed name becomes the knowledge-base actor of that name, else a new actor of the chosen type. */
function readActor(name: string, inter: number, previous?: EventActor): EventActor | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const known = choices().actorByName.get(clean.toLowerCase());
  if (known) return { ...known, inter: inter as EventActor['inter'] };
  if (previous && previous.name === clean) return { ...previous, inter: inter as EventActor['inter'] };
  return { name: clean, inter: inter as EventActor['inter'] };
}

function readPlace(name: string, previous?: EventLocation): EventLocation | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  if (previous && previous.name === clean) return previous;
  return choices().placeByName.get(clean.toLowerCase()) ?? { name: clean, geoPrecision: 1 };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What the form says, as a ClipEdit holding only the fields that differ from the record. */
export function readEditForm(form: HTMLFormElement, record: ClipRecord): ClipEdit {
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const edit: ClipEdit = {};
  const day = field('day');
  const precision = Number(field('precision')) as TimePrecision;
  if (day !== record.eventDate.day || precision !== record.eventDate.precision)
    edit.eventDate = { day, precision, method: record.eventDate.method, reference: record.eventDate.reference };
  const [eventType, subEventType] = field('type').split('|') as [EventType, SubEventType];
  if (eventType !== record.event.eventType || subEventType !== record.event.subEventType) {
    edit.event = {
      eventType,
      subEventType,
      disorderType: disorderTypeOf(eventType, subEventType) ?? record.event.disorderType,
      civilianTargeting: eventType === 'Violence against civilians' || record.event.civilianTargeting,
    };
  }
  for (const role of ['actor1', 'actor2'] as const) {
    const actor = readActor(field(`${role}-name`), Number(field(`${role}-inter`)), record[role]);
    if (!same(actor, record[role])) edit[role] = actor;
  }
  const location = readPlace(field('place'), record.location);
  if (!same(location, record.location)) edit.location = location;
  return edit;
}

function labelled(id: string, text: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return h('div', { class: 'tl-field' }, h('label', { for: id }, text), control);
}

/**
 * The editor of an event's date, type, actors and place. Suggestions come from the knowledge base
 * (datalists); anything else typed is kept as the reader wrote it.
 */
export function renderEditForm(record: ClipRecord, onSubmit: (edit: ClipEdit) => void, onCancel: () => void): HTMLFormElement {
  const { actorByName: actorNames, placeByName: placeNames } = choices();
  const actorList = h('datalist', { id: 'tl-actor-names' }, ...[...actorNames.values()].map((a) => h('option', { value: a.name })));
  const placeList = h('datalist', { id: 'tl-place-names' }, ...[...placeNames.values()].map((p) => h('option', { value: p.name })));

  const day = h('input', { type: 'date', name: 'day', required: true, min: '1900-01-01', max: '2100-12-31', value: record.eventDate.day });
  const precision = h(
    'select',
    { name: 'precision' },
    ...([1, 2, 3] as const).map((p) =>
      h('option', { value: p }, ['', 'The day is known', 'Only the week', 'Only the month'][p]!),
    ),
  );
  precision.value = String(record.eventDate.precision);
  const type = h(
    'select',
    { name: 'type' },
    ...EVENT_TAXONOMY.map((group) =>
      h(
        'optgroup',
        { label: group.eventType },
        ...group.subEventTypes.map((sub) =>
          h('option', { value: `${group.eventType}|${sub}` }, sub),
        ),
      ),
    ),
  );
  type.value = `${record.event.eventType}|${record.event.subEventType}`;
  const actorFields = (['actor1', 'actor2'] as const).map((role, i) => {
    const current = record[role];
    const name = h('input', { type: 'text', name: `${role}-name`, list: 'tl-actor-names', value: current?.name ?? '', autocomplete: 'off', maxlength: 200 });
    const inter = h('select', { name: `${role}-inter`, 'aria-label': `Actor ${i + 1} type` }, ...INTER_LABELS.map((label, code) => h('option', { value: code }, label)));
    inter.value = String(current?.inter ?? 0);
    return h('div', { class: 'tl-field tl-actor' }, h('label', { for: `tl-${role}` }, i === 0 ? 'Actor 1 (who acted)' : 'Actor 2 (target or other side)'), Object.assign(name, { id: `tl-${role}` }), inter);
  });
  const place = h('input', { type: 'text', name: 'place', list: 'tl-place-names', value: record.location?.name ?? '', autocomplete: 'off', maxlength: 200 });
  const error = h('p', { class: 'tl-form-error', role: 'alert' });

  const form = h(
    'form',
    { class: 'tl-edit', 'aria-label': 'Correct this event' },
    actorList,
    placeList,
    h('div', { class: 'tl-field-row' }, labelled('tl-day', 'Event date', day), labelled('tl-precision', 'Precision', precision)),
    labelled('tl-type', 'Event type', type),
    ...actorFields,
    labelled('tl-place-input', 'Place', place),
    h('p', { class: 'tl-hint' }, 'Your corrections are kept and marked as yours; exports carry them.'),
    error,
    h('div', { class: 'tl-dialog-actions' }, h('button', { type: 'submit', class: 'tl-button tl-primary' }, 'Save correction'), h('button', { type: 'button', class: 'tl-button', 'data-action': 'cancel' }, 'Cancel')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.value)) {
      error.textContent = 'Give the event date as a full day (the precision says how much of it is known).';
      day.focus();
      return;
    }
    onSubmit(readEditForm(form, record));
  });
  form.querySelector('[data-action=cancel]')!.addEventListener('click', onCancel);
  return form;
}
