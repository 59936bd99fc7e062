/**
 * Test helper for the export formatters: a TimelineEvent built from clips the way lib/timeline/group.ts
 * describes it (lead: a reader-edited clip first, else the first), without depending on the grouping itself.
 */
import type { ClipRecord } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import type { Grade, TimelineEvent } from '../timeline/types';

export function eventOf(clips: readonly ClipRecord[], grade?: Grade): TimelineEvent {
  const first = clips[0];
  if (!first) throw new Error('an event has at least one clip');
  const lead = clips.find((c) => (c.edits?.fields.length ?? 0) > 0) ?? first;
  const sources = [...new Set(clips.map((c) => c.article.outlet))];
  const fallback: Grade = sources.length > 1 ? 'fair' : 'weak';
  return {
    id: first.eventGroup ?? first.id,
    clips: [...clips],
    lead,
    day: lead.eventDate.day,
    precision: lead.eventDate.precision,
    sources,
    grade: grade ?? fallback,
    gradeReason: `${sources.length} source(s): ${sources.join(', ')}`,
    readerGrouped: clips.some((c) => c.eventGroup !== undefined),
  };
}

/**
 * Three clips of the Mitiga strike from two outlets: Reuters gives a higher toll and was changed last, the
 * third clip (another paragraph of the first article) gives none.
 */
export function mitigaReports(): ClipRecord[] {
  const first = makeClip({ id: 'clip-mitiga-a', fatalities: { count: 3, text: 'killing at least three civilians' } });
  const second = makeClip({
    id: 'clip-mitiga-b',
    article: {
      ...first.article,
      url: 'https://www.reuters.example/world/africa/drones-hit-tripoli-airport-idUSKCN1VM0AB',
      pageUrl: 'https://www.reuters.example/world/africa/drones-hit-tripoli-airport-idUSKCN1VM0AB',
      outlet: 'Reuters',
    },
    fatalities: { count: 5, text: 'five people were killed' },
    updatedAt: '2024-03-07T08:00:30.000Z',
  });
  const third = makeClip({
    id: 'clip-mitiga-c',
    text: 'Flights were diverted to Misrata after the strike, the airport authority said.',
    fatalities: { count: 0 },
  });
  return [first, second, third];
}
