import { findNewNames } from './ner';
import type { TextMatch } from './types';

const names = (text: string, known: TextMatch[] = []) =>
  findNewNames(text, known).map((s) => [s.name, s.category, text.slice(s.start, s.end) === s.name]);

describe('findNewNames (compromise NER layer)', () => {
  it('finds people, places and organisations with exact offsets, punctuation trimmed', () => {
    const text = 'Ahmed Maiteeq flew to Cairo. Reuters quoted Abdul Ghani al-Kikli.';
    const found = names(text);
    expect(found).toContainEqual(['Ahmed Maiteeq', 'person', true]);
    expect(found).toContainEqual(['Cairo', 'place', true]);
    expect(found.every(([, , exact]) => exact)).toBe(true);
  });

  it('drops honorifics and possessives', () => {
    const found = names("Mr Ahmed Maiteeq's office said");
    expect(found[0]?.[0]).toBe('Ahmed Maiteeq');
  });

  it('leaves what the knowledge base already matched to the knowledge base', () => {
    const text = 'Ahmed Maiteeq flew to Cairo.';
    const known: TextMatch[] = [{ start: 0, end: 13, entityId: 'actor:ahmed-maiteeq', kind: 'actor', source: 'kb' }];
    expect(names(text, known).map(([n]) => n)).toEqual(['Cairo']);
  });

  it('reads institutions compromise calls places as organisations', () => {
    const found = names('The State Department said on Monday.');
    for (const [name, category] of found) if (name === 'State Department') expect(category).toBe('organization');
  });

  it('returns sorted, non-overlapping spans', () => {
    const spans = findNewNames('John Smith and Mary Jones met in Paris and Berlin with Ali Hassan.', []);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans.length).toBeGreaterThanOrEqual(3);
  });
});

describe('findNewNames: noise', () => {
  it('does not offer the country, continents or weekdays as new names', () => {
    const found = findNewNames('Libya and North Africa saw storms on Friday, Reuters reported from Europe.', []);
    expect(found.map((s) => s.name)).toEqual([]);
  });
});
