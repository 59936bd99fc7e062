import type { EntityKind } from '../kb/types';
import { CATEGORY_GROUPS } from '../settings/categories';
import {
  addEntry,
  categoriesFor,
  changeWatchlist,
  removeEntry,
  splitAliases,
  toWatchEntry,
  updateEntry,
  validateWatchEntry,
  type CheckContext,
  type WatchDraft,
  type WatchEntry,
  type WatchField,
  type WatchProblem,
} from '../settings/watchlist';
import { h } from './dom';
import { kindLabel } from './format';

/**
 * The options page's watchlist: a form to add or edit a name, and the list with Edit and Remove per
 * entry. Every change goes through storage (changeWatchlist); the list is redrawn from storage's answer
 * and from changes made in other tabs, so what is shown is what open pages highlight.
 */

export interface WatchlistSection {
  element: HTMLElement;
  /** Redraws the list (after a load or a change in storage). */
  show(list: readonly WatchEntry[]): void;
}

const FIELDS: readonly WatchField[] = ['name', 'kind', 'category', 'aliases', 'lat', 'lon', 'note'];
const msgId = (field: WatchField) => `watch-${field}-msg`;

interface Controls {
  form: HTMLFormElement;
  heading: HTMLHeadingElement;
  name: HTMLInputElement;
  kinds: Record<EntityKind, HTMLInputElement>;
  category: HTMLSelectElement;
  aliases: HTMLTextAreaElement;
  coords: HTMLElement;
  lat: HTMLInputElement;
  lon: HTMLInputElement;
  note: HTMLTextAreaElement;
  submit: HTMLButtonElement;
  cancel: HTMLButtonElement;
  status: HTMLElement;
}

function message(field: WatchField): HTMLElement {
  return h('p', { id: msgId(field), class: 'field-msg', hidden: true });
}

function textField(
  field: 'name' | 'lat' | 'lon',
  label: string,
  attributes: Record<string, string | boolean>,
  hint?: string,
): { wrap: HTMLElement; input: HTMLInputElement } {
  const hintId = hint ? `watch-${field}-hint` : undefined;
  const input = h('input', {
    id: `watch-${field}`,
    name: field,
    type: 'text',
    autocomplete: 'off',
    'aria-describedby': [hintId, msgId(field)].filter(Boolean).join(' '),
    ...attributes,
  });
  const wrap = h('div', { class: `field field-${field}` },
    h('label', { for: input.id }, label),
    input,
    hint && h('p', { id: hintId, class: 'hint' }, hint),
    message(field),
  );
  return { wrap, input };
}

function categoryOptions(select: HTMLSelectElement, kind: EntityKind, selected?: string): void {
  const allowed = new Set<string>(categoriesFor(kind));
  // Grouped as on the "Highlight categories" switches, so a reader sees which switch governs the name.
  const groups = CATEGORY_GROUPS.map((group) => {
    const options = group.categories.filter((c) => allowed.has(c));
    return options.length > 0 && h('optgroup', { label: group.label }, ...options.map((c) => h('option', { value: c }, c)));
  });
  select.replaceChildren(...groups.filter((g): g is HTMLOptGroupElement => g !== false));
  select.value = selected && allowed.has(selected) ? selected : kind === 'actor' ? 'person' : 'town';
}

function buildForm(): Controls {
  const name = textField('name', 'Name', { required: true, 'aria-required': 'true' }, 'As it is usually written in the press.');
  const kindRadio = (kind: EntityKind, label: string) => {
    const input = h('input', { type: 'radio', name: 'kind', id: `watch-kind-${kind}`, value: kind });
    return { input, wrap: h('span', { class: 'radio' }, input, h('label', { for: input.id }, label)) };
  };
  const actor = kindRadio('actor', 'Actor (a person, group or body)');
  const place = kindRadio('location', 'Place');
  actor.input.checked = true;
  const category = h('select', { id: 'watch-category', name: 'category', 'aria-describedby': msgId('category') });
  categoryOptions(category, 'actor');
  const aliases = h('textarea', {
    id: 'watch-aliases',
    name: 'aliases',
    rows: 3,
    'aria-describedby': `watch-aliases-hint ${msgId('aliases')}`,
  });
  const lat = textField('lat', 'Latitude', { inputmode: 'decimal' });
  const lon = textField('lon', 'Longitude', { inputmode: 'decimal' });
  const coords = h('div', { class: 'coords', hidden: true },
    h('p', { id: 'watch-coords-hint', class: 'hint' }, 'Decimal degrees, for the map: Tripoli is 32.89, 13.19. Optional.'),
    h('div', { class: 'coords-row' }, lat.wrap, lon.wrap),
  );
  lat.input.setAttribute('aria-describedby', `watch-coords-hint ${msgId('lat')}`);
  lon.input.setAttribute('aria-describedby', `watch-coords-hint ${msgId('lon')}`);
  const note = h('textarea', { id: 'watch-note', name: 'note', rows: 2, 'aria-describedby': msgId('note') });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Add to watchlist');
  const cancel = h('button', { type: 'button', hidden: true }, 'Cancel editing');
  const heading = h('h3', { id: 'watch-form-heading' }, 'Add a name');
  const form = h('form', { class: 'watch-form', novalidate: true, 'aria-labelledby': heading.id },
    heading,
    name.wrap,
    h('fieldset', { class: 'field field-kind', 'aria-describedby': msgId('kind') },
      h('legend', {}, 'Kind'), actor.wrap, place.wrap, message('kind')),
    h('div', { class: 'field' }, h('label', { for: category.id }, 'Category'), category, message('category')),
    h('div', { class: 'field' },
      h('label', { for: aliases.id }, 'Other spellings'),
      aliases,
      h('p', { id: 'watch-aliases-hint', class: 'hint' }, 'One per line or separated by commas, e.g. “Zawi, al-Zawi”. The name itself is always matched.'),
      message('aliases'),
    ),
    coords,
    h('div', { class: 'field' }, h('label', { for: note.id }, 'Note (optional, shown on the hover card)'), note, message('note')),
    h('div', { class: 'form-actions' }, submit, cancel),
    h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' }),
  );
  return {
    form,
    heading,
    name: name.input,
    kinds: { actor: actor.input, location: place.input },
    category,
    aliases,
    coords,
    lat: lat.input,
    lon: lon.input,
    note,
    submit,
    cancel,
    status: form.querySelector<HTMLElement>('.form-status')!,
  };
}

/** "" is no coordinate; anything else is parsed, and what is not a number is NaN for validation to name. */
function coordinate(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed.replace(/^\+/, '').replace(',', '.').replace(/[−–]/, '-'));
  return Number.isFinite(value) ? value : Number.NaN;
}

function readDraft(c: Controls): WatchDraft {
  const kind: EntityKind = c.kinds.location.checked ? 'location' : 'actor';
  return {
    name: c.name.value,
    kind,
    category: c.category.value,
    aliases: splitAliases(c.aliases.value),
    ...(kind === 'location' ? { lat: coordinate(c.lat.value), lon: coordinate(c.lon.value) } : {}),
    note: c.note.value,
  };
}

function fieldControl(c: Controls, field: WatchField): HTMLElement {
  return field === 'kind' ? c.kinds.actor : c[field];
}

function showProblems(c: Controls, problems: readonly WatchProblem[]): void {
  for (const field of FIELDS) {
    const mine = problems.filter((p) => p.field === field);
    const box = c.form.querySelector<HTMLElement>(`#${msgId(field)}`)!;
    box.textContent = mine.map((p) => p.message).join(' ');
    box.hidden = mine.length === 0;
    box.dataset.severity = mine.some((p) => p.blocking) ? 'error' : 'warning';
    const control = fieldControl(c, field);
    if (mine.some((p) => p.blocking)) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

function fillForm(c: Controls, entry: WatchEntry | undefined): void {
  c.name.value = entry?.name ?? '';
  c.kinds[entry?.kind ?? 'actor'].checked = true;
  categoryOptions(c.category, entry?.kind ?? 'actor', entry?.category);
  c.aliases.value = entry?.aliases.join('\n') ?? '';
  c.lat.value = entry?.lat === undefined ? '' : String(entry.lat);
  c.lon.value = entry?.lon === undefined ? '' : String(entry.lon);
  c.note.value = entry?.note ?? '';
  c.coords.hidden = (entry?.kind ?? 'actor') !== 'location';
  c.heading.textContent = entry ? `Edit “${entry.name}”` : 'Add a name';
  c.submit.textContent = entry ? 'Save changes' : 'Add to watchlist';
  c.cancel.hidden = !entry;
  showProblems(c, []);
}

function entrySummary(entry: WatchEntry): string {
  const parts: string[] = [kindLabel(entry.kind), entry.category];
  if (entry.aliases.length) parts.push(`also ${entry.aliases.join(', ')}`);
  if (entry.kind === 'location' && entry.lat === undefined) parts.push('not on the map');
  return parts.join(' · ');
}

export function watchlistSection(context: Pick<CheckContext, 'knownAs'> = {}): WatchlistSection {
  const c = buildForm();
  let list: readonly WatchEntry[] = [];
  let editing: WatchEntry | undefined;
  /** After a first failed save, problems are re-checked as the reader types, so each clears when fixed. */
  let tried = false;
  const listHeading = h('h3', { id: 'watch-list-heading', tabindex: -1 });
  const listBox = h('ul', { class: 'watch-list', 'aria-labelledby': listHeading.id });
  const empty = h('p', { class: 'empty' }, 'Nothing on your watchlist yet.');

  const problems = () => validateWatchEntry(readDraft(c), { ...context, existing: list, editingId: editing?.id });
  const setStatus = (text: string) => (c.status.textContent = text);

  const stopEditing = () => {
    editing = undefined;
    tried = false;
    fillForm(c, undefined);
  };

  c.kinds.actor.addEventListener('change', () => onKind('actor'));
  c.kinds.location.addEventListener('change', () => onKind('location'));
  function onKind(kind: EntityKind) {
    categoryOptions(c.category, kind, c.category.value);
    c.coords.hidden = kind !== 'location';
    if (tried) showProblems(c, problems());
  }
  c.form.addEventListener('input', () => {
    if (tried) showProblems(c, problems());
  });
  // Before a save is tried, leaving a field shows its warnings only (a spelling the KB already has).
  c.form.addEventListener('change', () => {
    if (!tried) showProblems(c, problems().filter((p) => !p.blocking));
  });
  c.cancel.addEventListener('click', () => {
    const id = editing?.id;
    stopEditing();
    setStatus('');
    focusEntry(id, 'edit');
  });
  c.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });

  async function save() {
    const found = problems();
    showProblems(c, found);
    const blocking = found.filter((p) => p.blocking);
    if (blocking.length) {
      tried = true;
      setStatus(`Not saved: ${blocking.length === 1 ? 'one field needs' : `${blocking.length} fields need`} attention.`);
      fieldControl(c, blocking[0]!.field).focus();
      return;
    }
    const draft = readDraft(c);
    const before = editing;
    const entry = toWatchEntry(draft, before);
    try {
      show(await changeWatchlist((current) => (before ? updateEntry(current, before.id, entry) : addEntry(current, entry))));
    } catch (error) {
      setStatus(`Could not save: ${(error as Error).message}`);
      return;
    }
    stopEditing();
    const warnings = found.map((p) => ` ${p.message}`).join('');
    setStatus(`${before ? 'Saved' : 'Added'} “${entry.name}”. Open pages highlight it now.${warnings}`);
    if (before) focusEntry(before.id, 'edit');
    else c.name.focus();
  }

  async function remove(entry: WatchEntry) {
    const index = list.findIndex((e) => e.id === entry.id);
    try {
      show(await changeWatchlist((current) => removeEntry(current, entry.id)));
    } catch (error) {
      setStatus(`Could not remove: ${(error as Error).message}`);
      return;
    }
    setStatus(`Removed “${entry.name}”.`);
    // The next entry's Remove button (or the previous, or the heading), so the keyboard stays in the list.
    const next = list[Math.min(index, list.length - 1)];
    if (next) focusEntry(next.id, 'remove');
    else listHeading.focus();
  }

  function focusEntry(id: string | undefined, action: 'edit' | 'remove') {
    const row = [...listBox.children].find((li) => (li as HTMLElement).dataset.watchId === id);
    row?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)?.focus();
  }

  function row(entry: WatchEntry): HTMLElement {
    const edit = h('button', { type: 'button', 'data-action': 'edit', 'aria-label': `Edit ${entry.name}` }, 'Edit');
    const removeButton = h('button', { type: 'button', 'data-action': 'remove', 'aria-label': `Remove ${entry.name}` }, 'Remove');
    edit.addEventListener('click', () => {
      editing = entry;
      tried = false;
      fillForm(c, entry);
      setStatus('');
      c.name.focus();
    });
    removeButton.addEventListener('click', () => void remove(entry));
    return h('li', { class: 'watch-entry', 'data-watch-id': entry.id, 'data-kind': entry.kind },
      h('div', { class: 'watch-text' },
        h('span', { class: 'watch-name', dir: 'auto' }, entry.name),
        h('span', { class: 'watch-meta', dir: 'auto' }, entrySummary(entry)),
        entry.note && h('span', { class: 'watch-note', dir: 'auto' }, entry.note),
      ),
      h('span', { class: 'row-actions' }, edit, removeButton),
    );
  }

  function show(next: readonly WatchEntry[]) {
    list = next;
    listHeading.textContent = `On your watchlist (${list.length})`;
    listBox.replaceChildren(...list.map(row));
    listBox.hidden = list.length === 0;
    empty.hidden = list.length > 0;
    // Removed in another tab while being edited here: the form goes back to adding.
    if (editing && !list.some((e) => e.id === editing!.id)) stopEditing();
  }

  const element = h('section', { class: 'options-section', 'data-section': 'watchlist', 'aria-labelledby': 'watch-heading' },
    h('h2', { id: 'watch-heading' }, 'Your watchlist'),
    h('p', { class: 'intro' },
      'Names the knowledge base does not have yet (a new commander, a village in the news). They are highlighted on every page like the built-in names, and places with coordinates appear on the map.'),
    c.form,
    listHeading,
    listBox,
    empty,
  );
  show([]);
  return { element, show };
}
