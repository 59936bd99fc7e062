import { describe, expect, it } from 'vitest';
import { HAFTAR, LNA, NEW_NAME, TRIPOLI } from './fake-index';
import { aliasesToShow, entitySubtitle, formatCoordinates, groupEntities, matchesFilter, mentionsOnPage, shorten } from './format';

describe('format', () => {
  it('counts mentions in words', () => {
    expect(mentionsOnPage(1)).toBe('1 mention on this page');
    expect(mentionsOnPage(4)).toBe('4 mentions on this page');
  });

  it('writes coordinates with hemispheres', () => {
    expect(formatCoordinates(32.8872, 13.1913)).toBe('32.89° N, 13.19° E');
    expect(formatCoordinates(-1.5, -0.25)).toBe('1.50° S, 0.25° W');
  });

  it('shows distinct aliases, not the name, at most eight', () => {
    const many = { ...HAFTAR, aliases: ['Khalifa Haftar', 'haftar', 'Haftar', ...'abcdefghij'.split('')] };
    expect(aliasesToShow(many)).toEqual({ shown: ['haftar', 'a', 'b', 'c', 'd', 'e', 'f', 'g'], more: 3 });
  });

  it('shows the shortest spellings before long permutations', () => {
    const entity = { ...HAFTAR, aliases: ['Khalifa Belgasem Hiftar', 'Field Marshal Haftar', 'Hifter', 'Heftar'] };
    expect(aliasesToShow(entity, 3)).toEqual({ shown: ['Hifter', 'Heftar', 'Khalifa Belgasem Hiftar'], more: 1 });
  });

  it('sums up category and camp', () => {
    expect(entitySubtitle(HAFTAR)).toBe('person · LNA/east');
    expect(entitySubtitle(TRIPOLI)).toBe('city');
  });

  it('groups knowledge-base actors, places, then new names', () => {
    const groups = groupEntities([
      { entity: NEW_NAME, count: 9 },
      { entity: TRIPOLI, count: 1 },
      { entity: LNA, count: 2 },
      { entity: HAFTAR, count: 2 },
    ]);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.entity.id)])).toEqual([
      ['Actors', ['haftar', 'lna']],
      ['Places', ['tripoli']],
      ['New names', ['ner:abu-salim']],
    ]);
  });

  it('filters ignoring case and accents, on aliases too', () => {
    const misrata = { ...TRIPOLI, id: 'misrata', name: 'Miṣrātah', aliases: ['Misurata'] };
    expect(matchesFilter(misrata, 'misrat')).toBe(true);
    expect(matchesFilter(misrata, 'MISURATA')).toBe(true);
    expect(matchesFilter(misrata, 'sirte')).toBe(false);
    expect(matchesFilter(misrata, '  ')).toBe(true);
  });

  it('trims long quotes at a word with an ellipsis and leaves short ones whole', () => {
    const sentence = 'Heavy clashes erupted near the Tripoli airport road as forces advanced on the capital. ';
    const long = sentence.repeat(6);
    const trimmed = shorten(long, 280);
    expect(trimmed.endsWith('…')).toBe(true);
    expect([...trimmed].length).toBeLessThanOrEqual(281);
    expect(long.startsWith(trimmed.slice(0, -1))).toBe(true);
    expect(long.charAt(trimmed.length - 1)).toMatch(/[ .]/);
    expect(shorten(sentence, 280)).toBe(sentence.trim());
    expect(shorten('😀'.repeat(300), 10)).toBe(`${'😀'.repeat(10)}…`);
  });
});
