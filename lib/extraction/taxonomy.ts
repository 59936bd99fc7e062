import type { DisorderType, EventType, SubEventType } from './types';

/**
 * ACLED's event taxonomy (codebook: acleddata.com/knowledge-base/codebook, summarised in
 * ../shared/docs/domain.md): each event type with its sub-types and usual disorder type. One table for
 * the importer's checks, the editor's choices and anything else that needs the pairs.
 */
export const EVENT_TAXONOMY: ReadonlyArray<{
  eventType: EventType;
  disorderType: DisorderType;
  subEventTypes: readonly SubEventType[];
}> = [
  { eventType: 'Battles', disorderType: 'Political violence', subEventTypes: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'] },
  {
    eventType: 'Explosions/Remote violence',
    disorderType: 'Political violence',
    subEventTypes: ['Air/drone strike', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade'],
  },
  { eventType: 'Violence against civilians', disorderType: 'Political violence', subEventTypes: ['Attack', 'Abduction/forced disappearance', 'Sexual violence'] },
  { eventType: 'Protests', disorderType: 'Demonstrations', subEventTypes: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'] },
  { eventType: 'Riots', disorderType: 'Demonstrations', subEventTypes: ['Violent demonstration', 'Mob violence'] },
  {
    eventType: 'Strategic developments',
    disorderType: 'Strategic developments',
    subEventTypes: [
      'Agreement',
      'Arrests',
      'Change to group/activity',
      'Disrupted weapons use',
      'Headquarters or base established',
      'Looting/property destruction',
      'Non-violent transfer of territory',
      'Other',
    ],
  },
];

/** ACLED codes these two as both political violence and demonstrations. */
const DUAL: ReadonlySet<SubEventType> = new Set(['Excessive force against protesters', 'Mob violence']);

export function isKnownPair(eventType: string, subEventType: string): boolean {
  return EVENT_TAXONOMY.some((t) => t.eventType === eventType && (t.subEventTypes as readonly string[]).includes(subEventType));
}

/** The disorder type ACLED gives a sub-type; undefined for a pair that does not exist. */
export function disorderTypeOf(eventType: EventType, subEventType: SubEventType): DisorderType | undefined {
  const entry = EVENT_TAXONOMY.find((t) => t.eventType === eventType && t.subEventTypes.includes(subEventType));
  if (!entry) return undefined;
  return DUAL.has(subEventType) ? 'Political violence; Demonstrations' : entry.disorderType;
}
