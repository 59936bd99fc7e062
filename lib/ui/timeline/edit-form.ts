import { actorOf, CIVILIANS, MIGRANTS, PROTESTERS, RIOTERS, UNIDENTIFIED_ARMED_GROUP, UNIDENTIFIED_MILITARY } from '../../extraction/acled-actors';
import { disorderTypeOf, EVENT_TAXONOMY } from '../../extraction/taxonomy';
import type { ClipEdit, ClipRecord, EventActor, EventLocation, EventType, SubEventType, TimePrecision } from '../../extraction/types';
import { actors, places } from '../../kb';
import type { Entity, PlaceEntry } from '../../kb/types';
import { h } from '../dom';

/** Generic ACLED actors the reader may pick besides the knowledge base's. */
const GENERIC: readonly EventActor[] = [UNIDENTIFIED_MILITARY, UNIDENTIFIED_ARMED_GROUP, CIVILIANS, MIGRANTS, PROTESTERS, RIOTERS];

/** Actors and places the editor suggests, by lower-cased name. */
export interface EditChoices {
  actorByName: Map<string, EventActor>;
  placeByName: Map<string, EventLocation>;
}

let builtIn: EditChoices | undefined;

/**
 * The knowledge base's actors and places, ACLED's generic actors, and the reader's watchlist (`extra`,
 * which wins on a shared name: the reader added it on purpose). Built on first use of the editor.
 */
export function editChoices(extra: readonly Entity[] = []): EditChoices {
  builtIn ??= {
    actorByName: new Map([...actors.map(actorOf), ...GENERIC].map((actor) => [actor.name.toLowerCase(), actor])),
    placeByName: new Map(places.map((place) => [place.name.toLowerCase(), placeOf(place)])),
  };
  if (extra.length === 0) return builtIn;
  const choices = { actorByName: new Map(builtIn.actorByName), placeByName: new Map(builtIn.placeByName) };
  for (const entity of extra) {
    if (entity.kind === 'actor') choices.actorByName.set(entity.name.toLowerCase(), actorOf(entity));
    else choices.placeByName.set(entity.name.toLowerCase(), placeOf(entity));
  }
  return choices;
}

function placeOf(place: PlaceEntry): EventLocation {
  const location: EventLocation = { name: place.name, entityId: place.id, geoPrecision: 1 };
  if (place.admin1) location.admin1 = place.admin1;
  // A watched place may have no coordinates (NaN in its entity).
  if (Number.isFinite(place.lat) && Number.isFinite(place.lon)) {
    location.lat = place.lat;
    location.lon = place.lon;
  }
  return location;
}

const INTER_LABELS = ['0 unknown', '1 state forces', '2 rebel group', '3 political militia', '4 identity militia', '5 rioters', '6 protesters', '7 civilians', '8 external/other'];

/** A typed name becomes the knowledge-base actor of that name, else a new actor of the chosen type. */
function readActor(choices: EditChoices, name: string, inter: number, previous?: EventActor): EventActor | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const known = choices.actorByName.get(clean.toLowerCase());
  if (known) return { ...known, inter: inter as EventActor['inter'] };
  if (previous && previous.name === clean) return { ...previous, inter: inter as EventActor['inter'] };
  return { name: clean, inter: inter as EventActor['inter'] };
}

/**
 * The place as typed: a known place (with its id, admin1 and coordinates), else the reader's own. The
 * coordinate fields win when the reader filled them (a village the gazetteer lacks, or a better fix).
 */
function readPlace(choices: EditChoices, name: string, lat: number | undefined, lon: number | undefined, previous?: EventLocation): EventLocation | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const renamed = !previous || previous.name !== clean;
  const base = renamed ? (choices.placeByName.get(clean.toLowerCase()) ?? { name: clean, geoPrecision: 1 as const }) : previous;
  // Coordinates left as they were belong to the old place: a newly chosen known place brings its own,
  // a place of the reader's own has none until they are typed.
  const typed = lat !== previous?.lat || lon !== previous?.lon;
  if (!typed && renamed) return base;
  if (lat === undefined || lon === undefined) {
    const { lat: _lat, lon: _lon, ...rest } = base;
    return base.lat === undefined ? base : rest;
  }
  return base.lat === lat && base.lon === lon ? base : { ...base, lat, lon };
}

/** A coordinate field: undefined when empty, NaN when it is not a number in range. */
function coordinate(raw: string, limit: number): number | undefined {
  if (raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && Math.abs(value) <= limit ? Math.round(value * 1e4) / 1e4 : Number.NaN;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What the form says, as a ClipEdit holding only the fields that differ from the record. */
export function readEditForm(form: HTMLFormElement, record: ClipRecord, choices: EditChoices = editChoices()): ClipEdit {
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
    const actor = readActor(choices, field(`${role}-name`), Number(field(`${role}-inter`)), record[role]);
    if (!same(actor, record[role])) edit[role] = actor;
  }
  const location = readPlace(choices, field('place'), coordinate(field('lat'), 90), coordinate(field('lon'), 180), record.location);
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
export function renderEditForm(
  record: ClipRecord,
  onSubmit: (edit: ClipEdit) => void,
  onCancel: () => void,
  choices: EditChoices = editChoices(),
): HTMLFormElement {
  const { actorByName: actorNames, placeByName: placeNames } = choices;
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
  const lat = h('input', { type: 'text', inputmode: 'decimal', name: 'lat', value: record.location?.lat ?? '', autocomplete: 'off', maxlength: 20, 'aria-describedby': 'tl-coord-hint' });
  const lon = h('input', { type: 'text', inputmode: 'decimal', name: 'lon', value: record.location?.lon ?? '', autocomplete: 'off', maxlength: 20, 'aria-describedby': 'tl-coord-hint' });
  // Choosing a known place brings its coordinates; the reader may still change them.
  place.addEventListener('change', () => {
    const known = placeNames.get(place.value.replace(/\s+/g, ' ').trim().toLowerCase());
    if (!known) return;
    lat.value = known.lat === undefined ? '' : String(known.lat);
    lon.value = known.lon === undefined ? '' : String(known.lon);
  });
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
    h('div', { class: 'tl-field-row' }, labelled('tl-lat', 'Latitude', lat), labelled('tl-lon', 'Longitude', lon)),
    h('p', { class: 'tl-hint', id: 'tl-coord-hint' }, 'Decimal degrees (Tripoli is 32.8872, 13.1913). Places without them stay off the map.'),
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
    const latValue = coordinate(lat.value, 90);
    const lonValue = coordinate(lon.value, 180);
    if (Number.isNaN(latValue) || Number.isNaN(lonValue) || (latValue === undefined) !== (lonValue === undefined)) {
      error.textContent = 'Give both coordinates in decimal degrees (latitude −90 to 90, longitude −180 to 180), or neither.';
      (Number.isNaN(latValue) || latValue === undefined ? lat : lon).focus();
      return;
    }
    onSubmit(readEditForm(form, record, choices));
  });
  form.querySelector('[data-action=cancel]')!.addEventListener('click', onCancel);
  return form;
}
