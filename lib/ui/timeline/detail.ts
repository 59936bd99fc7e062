import type { ClipEdit, ClipRecord, EditableField } from '../../extraction/types';
import { articleLink } from '../../timeline/links';
import type { TimelineEvent } from '../../timeline/types';
import { h } from '../dom';
import { plural } from '../format';
import { renderEditForm, type EditChoices } from './edit-form';
import { actorsLine, GRADE_LABEL, placeLine, PRECISION_NOTE } from './rows';

export interface DetailActions {
  onEdit(event: TimelineEvent, edit: ClipEdit): Promise<string | undefined>;
  onSplit(event: TimelineEvent): void;
  onDelete(event: TimelineEvent): void;
  /** What the editor suggests (the knowledge base and the reader's watchlist). */
  choices?(): EditChoices;
}

const FIELD_LABEL: Record<EditableField, string> = {
  eventDate: 'date',
  event: 'type',
  actor1: 'actor 1',
  actor2: 'actor 2',
  location: 'place',
};

function statementLines(clip: ClipRecord): string[] {
  return clip.attribution.statements.map((s) => `${s.by.name} ${s.stance}${s.about && s.about.name !== s.by.name ? ` (about ${s.about.name})` : ''}: “${s.cue}”`);
}

function clipBlock(clip: ClipRecord): HTMLElement {
  const link = articleLink(clip);
  const statements = statementLines(clip);
  return h(
    'li',
    { class: 'tl-clip' },
    h(
      'p',
      { class: 'tl-clip-source' },
      link ? h('a', { href: link, target: '_blank', rel: 'noreferrer' }, clip.article.outlet) : clip.article.outlet,
      clip.article.title ? ` — ${clip.article.title}` : '',
      clip.article.publishedDay ? ` (published ${clip.article.publishedDay})` : '',
    ),
    h('blockquote', { class: 'tl-clip-text' }, clip.selection ?? clip.text),
    h(
      'p',
      { class: 'tl-clip-meta' },
      `Date ${clip.eventDate.day}${clip.eventDate.expression ? ` from “${clip.eventDate.expression}”` : ` (${clip.eventDate.method === 'publication' ? 'publication day' : 'day clipped'})`}`,
      clip.fatalities.count > 0 ? ` · ${plural(clip.fatalities.count, 'death')}${clip.fatalities.text ? ` (“${clip.fatalities.text}”)` : ''}` : '',
      ` · attribution: ${clip.attribution.status}`,
    ),
    statements.length ? h('ul', { class: 'tl-statements' }, ...statements.map((line) => h('li', {}, line))) : null,
    clip.edits
      ? h('p', { class: 'tl-edited-note' }, `Corrected by you (${clip.edits.fields.map((f) => FIELD_LABEL[f]).join(', ')}) on ${clip.edits.editedAt.slice(0, 10)}.`)
      : null,
  );
}

/**
 * One event in full, in a modal <dialog> (focus is trapped and returned by the browser): every clip with
 * its source, the grade and why, and the reader's tools: correct, split, delete.
 */
export function openEventDialog(doc: Document, event: TimelineEvent, actions: DetailActions, returnFocus?: HTMLElement): HTMLDialogElement {
  const heading = h('h2', { id: 'tl-dialog-title' }, `${event.lead.event.subEventType} · ${placeLine(event)}`);
  const body = h('div', { class: 'tl-dialog-body' });
  const dialog = h('dialog', { class: 'tl-dialog', 'aria-labelledby': 'tl-dialog-title', 'data-testid': 'timeline-dialog' }, heading, body);
  const close = () => {
    dialog.close();
  };
  dialog.addEventListener('close', () => {
    dialog.remove();
    returnFocus?.focus();
  });

  const showSummary = () => {
    body.replaceChildren(
      h('p', { class: 'tl-dialog-sub' }, `${event.day}${PRECISION_NOTE[event.precision] ? ` (${PRECISION_NOTE[event.precision]} known)` : ''} · ${actorsLine(event)}`),
      h('p', { class: 'tl-grade-line', 'data-grade': event.grade }, h('strong', {}, `${GRADE_LABEL[event.grade]}`), ` — ${event.gradeReason}`),
      h('h3', {}, plural(event.clips.length, 'clip')),
      h('ul', { class: 'tl-clips' }, ...event.clips.map(clipBlock)),
      h(
        'div',
        { class: 'tl-dialog-actions' },
        h('button', { type: 'button', class: 'tl-button tl-primary', 'data-action': 'edit' }, 'Correct the event'),
        event.clips.length > 1 ? h('button', { type: 'button', class: 'tl-button', 'data-action': 'split' }, 'Split into separate events') : null,
        h('button', { type: 'button', class: 'tl-button tl-danger', 'data-action': 'delete' }, event.clips.length > 1 ? 'Delete event and its clips' : 'Delete'),
        h('button', { type: 'button', class: 'tl-button', 'data-action': 'close' }, 'Close'),
      ),
    );
    body.querySelector('[data-action=edit]')!.addEventListener('click', showEditor);
    body.querySelector('[data-action=split]')?.addEventListener('click', () => {
      close();
      actions.onSplit(event);
    });
    body.querySelector('[data-action=delete]')!.addEventListener('click', () => {
      close();
      actions.onDelete(event);
    });
    body.querySelector('[data-action=close]')!.addEventListener('click', close);
  };

  const showEditor = () => {
    const form = renderEditForm(
      event.lead,
      async (edit) => {
        if (Object.keys(edit).length === 0) return close();
        const problem = await actions.onEdit(event, edit);
        if (problem) {
          const error = form.querySelector('.tl-form-error');
          if (error) error.textContent = problem;
          return;
        }
        close();
      },
      showSummary,
      actions.choices?.(),
    );
    body.replaceChildren(form);
    form.querySelector<HTMLElement>('input, select')?.focus();
  };

  showSummary();
  doc.body.append(dialog);
  dialog.showModal();
  return dialog;
}
