import { describe, expect, it } from 'vitest';
import { classifyEventType } from './event-type';
import { disorderTypeOf, EVENT_TAXONOMY, isKnownPair } from './taxonomy';

describe('ACLED taxonomy', () => {
  it('knows each sub-type under exactly one event type', () => {
    const all = EVENT_TAXONOMY.flatMap((t) => t.subEventTypes);
    expect(new Set(all).size).toBe(all.length);
    expect(isKnownPair('Explosions/Remote violence', 'Air/drone strike')).toBe(true);
    expect(isKnownPair('Battles', 'Air/drone strike')).toBe(false);
    expect(isKnownPair('Battles', 'Nonsense')).toBe(false);
  });

  it('gives the dual disorder type to excessive force and mob violence', () => {
    expect(disorderTypeOf('Protests', 'Excessive force against protesters')).toBe('Political violence; Demonstrations');
    expect(disorderTypeOf('Riots', 'Mob violence')).toBe('Political violence; Demonstrations');
    expect(disorderTypeOf('Riots', 'Violent demonstration')).toBe('Demonstrations');
    expect(disorderTypeOf('Battles', 'Agreement')).toBeUndefined();
  });

  it('agrees with what the extraction produces', () => {
    for (const text of [
      'Drones struck Mitiga airport on Friday, killing three civilians.',
      'Forces loyal to Haftar clashed with GNA troops south of Tripoli.',
      'Hundreds protested in Tripoli against power cuts.',
      'The two sides signed a ceasefire agreement in Geneva.',
    ]) {
      const event = classifyEventType(text);
      expect(isKnownPair(event.eventType, event.subEventType)).toBe(true);
      expect(disorderTypeOf(event.eventType, event.subEventType)).toBe(event.disorderType);
    }
  });
});
