/**
 * The timeline as a dated chronology to paste into a story draft (CommonMark, https://spec.commonmark.org/).
 * Record text is page data: it is escaped so that it reads as text, never as a link, an image or HTML, and
 * only http(s) article URLs become links.
 */
import type { IsoDay } from '../extraction/types';
import { localDay } from '../extraction/calendar';
import { dayHeading, formatDay } from '../timeline/day-labels';
import type { TimelineEvent } from '../timeline/types';
import { plural, shorten } from '../ui/format';
import { distinct, gradeWords, isEdited, lowestFatalities, notesText, sourceLinks } from './event-fields';

/** Long enough for the sentence that matters, short enough for a draft; the full text is in the CSV and backup. */
export const QUOTE_LIMIT = 280;

/**
 * Backslash-escapes what CommonMark/GFM would read as markup (emphasis, links, images, code, HTML, tables,
 * strikethrough, entities), and a `#` or list marker that would open the text; whitespace is collapsed
 * first, so no line of page text can start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * An article URL fit for a Markdown link: http(s) only (no javascript:, data:), and percent-encoded where
 * a character would end the destination early or open a code span (parentheses, spaces, `<>`, `\`, backtick).
 */
export function linkUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/[()\s<>\\"`']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function eventLine(event: TimelineEvent): string {
  const { lead } = event;
  const kind = `**${escapeMarkdown(`${lead.event.eventType}: ${lead.event.subEventType}`)}**`;
  const place = lead.location;
  const where = place
    ? ` at ${escapeMarkdown(place.name)}${place.admin1 && place.admin1 !== place.name ? ` (${escapeMarkdown(place.admin1)})` : ''}`
    : '';
  const sentences = [`${kind}${where}.`];
  const actors = distinct([lead.actor1?.name, lead.actor2?.name]);
  if (actors.length) sentences.push(`${actors.length > 1 ? 'Actors' : 'Actor'}: ${actors.map(escapeMarkdown).join('; ')}.`);
  const fatalities = lowestFatalities(event);
  if (fatalities > 0) sentences.push(`${plural(fatalities, 'fatality', 'fatalities')}.`);

  const lines = [sentences.join(' ')];
  const notes = notesText(lead);
  if (notes) lines.push(`“${escapeMarkdown(shorten(notes, QUOTE_LIMIT))}”`);
  const links = sourceLinks(event).map(({ outlet, url }) => {
    const href = linkUrl(url);
    return href ? `[${escapeMarkdown(outlet)}](${href})` : escapeMarkdown(outlet);
  });
  const tail = [`${links.length > 1 ? 'Sources' : 'Source'}: ${links.join('; ')}.`];
  tail.push(`Airwars grade ${gradeWords(event.grade, event.sources.length)}.`);
  if (isEdited(lead)) tail.push('Edited by the reader.');
  lines.push(tail.join(' '));
  // Continuation lines indented under the bullet stay in its paragraph (CommonMark "List items").
  return `- ${lines.join('\n  ')}`;
}

function summary(events: readonly TimelineEvent[], days: readonly IsoDay[]): string {
  if (events.length === 0) return 'No events.';
  const outlets = distinct(events.flatMap((e) => e.sources)).length;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const range = first === last ? `on ${formatDay(first)}` : `${formatDay(first)} to ${formatDay(last)}`;
  return `${plural(events.length, 'event')} from ${plural(outlets, 'source')}, ${range}.`;
}

const exportDay = (d: Date) => formatDay(localDay(d));

export function toMarkdownChronology(
  events: readonly TimelineEvent[],
  options: { title?: string; now?: Date } = {},
): string {
  // Oldest first, as a chronology reads; Array.prototype.sort is stable, so same-day events keep timeline order.
  const sorted = [...events].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const days = sorted.map((e) => e.day);
  const title = escapeMarkdown(options.title ?? '') || 'Libya Lens chronology';
  const out = [`# ${title}`, '', summary(sorted, days), '', `Exported from Libya Lens on ${exportDay(options.now ?? new Date())}.`];
  let heading = '';
  for (const event of sorted) {
    const next = dayHeading(event.day, event.precision);
    if (next !== heading) {
      heading = next;
      out.push('', `## ${heading}`, '');
    }
    out.push(eventLine(event));
  }
  return `${out.join('\n')}\n`;
}
