import { getEntity } from '../kb';
import type { ActorCategory, ActorEntry } from '../kb/types';
import type { EventActor, InterCode } from './types';

/**
 * How ACLED names and types actors: the inter code of a knowledge-base actor, the group a person is coded
 * as, and the conventional names for actors the text does not name ("Unidentified Armed Group (Libya)").
 */

// ───────────────────────────── inter codes ─────────────────────────────

/**
 * Armed groups ACLED codes as state forces (inter 1): since 2014 both rival authorities' armies count as
 * "Military Forces of Libya", so the LNA, its regular brigades and operations, the GNA/GNU's named
 * operations and regular brigades, and Gaddafi's army before 2011. Militias loyal to a side stay 3.
 */
const STATE_FORCE_IDS = new Set([
  'actor:libyan-national-army',
  'actor:operation-dignity',
  'actor:operation-flood-of-dignity',
  'actor:saiqa',
  'actor:106th-brigade',
  'actor:128th-brigade',
  'actor:tariq-ben-zeyad-brigade',
  'actor:bunyan-al-marsous',
  'actor:operation-volcano-of-anger',
  'actor:operation-peace-storm',
  'actor:444-brigade',
  'actor:111-brigade',
  'actor:gaddafi-loyalist-forces',
  'actor:khamis-brigade',
]);

/** Political bodies that are organs of (one of) the Libyan state(s): ACLED writes them "Government of Libya". */
const GOVERNING_BODY_IDS = new Set([
  'actor:house-of-representatives',
  'actor:presidential-council',
  'actor:high-council-of-state',
  'actor:general-national-congress',
  'actor:national-transitional-council',
  'actor:joint-military-commission',
  'actor:six-plus-six-committee',
]);

/** ACLED inter code of a knowledge-base actor (see the codes in types.ts). */
export function interCode(entry: ActorEntry): InterCode {
  switch (entry.category) {
    case 'government':
      return 1;
    case 'political body':
      return GOVERNING_BODY_IDS.has(entry.id) ? 1 : 0;
    case 'institution':
      // State institutions (coast guard, migration directorate, NOC) are the state; the Red Crescent is civilian.
      if (entry.camp === 'neutral') return 7;
      return entry.country === 'LY' ? 1 : 0;
    case 'armed group':
      if (STATE_FORCE_IDS.has(entry.id) || entry.camp === 'Gaddafi loyalist') return 1;
      if (entry.id === 'actor:anti-gaddafi-rebels') return 2;
      // Chadian and Sudanese rebel movements operating from Libya are rebel groups in ACLED.
      if (entry.country && entry.country !== 'LY') return 2;
      return 3;
    case 'jihadist group':
      return 2;
    case 'tribe':
      return 4;
    case 'foreign state':
    case 'foreign force':
    case 'mercenary group':
    case 'international body':
      return 8;
    case 'person':
      return 0;
  }
}

/** Which of a person's groups stands for them as an actor: the armed one first, then governments, states… */
const MEMBER_PREFERENCE: readonly ActorCategory[] = [
  'armed group',
  'government',
  'foreign force',
  'mercenary group',
  'jihadist group',
  'foreign state',
  'political body',
  'institution',
  'international body',
  'tribe',
];

/** The actor entry that stands for a KB id: a person becomes the group they lead or belong to. */
export function resolveActorEntry(id: string): ActorEntry | undefined {
  const entry = getEntity(id);
  if (!entry || entry.kind !== 'actor') return undefined;
  if (entry.category !== 'person' || !entry.memberOf?.length) return entry;
  const groups = entry.memberOf.map((g) => getEntity(g)).filter((g): g is ActorEntry => g?.kind === 'actor');
  for (const category of MEMBER_PREFERENCE) {
    const group = groups.find((g) => g.category === category);
    if (group) return group;
  }
  return entry;
}

export function actorOf(entry: ActorEntry): EventActor {
  return { name: entry.name, entityId: entry.id, inter: interCode(entry) };
}

// ───────────────────────────── generic actors (ACLED conventions) ─────────────────────────────

/** An armed actor in ACLED's types: state forces, rebels, political and identity militias, external forces. */
export const isArmed = (actor?: EventActor): boolean => !!actor && [1, 2, 3, 4, 8].includes(actor.inter);

export const UNIDENTIFIED_MILITARY: EventActor = { name: 'Unidentified Military Forces', inter: 8 };
export const UNIDENTIFIED_ARMED_GROUP: EventActor = { name: 'Unidentified Armed Group (Libya)', inter: 3 };
export const CIVILIANS: EventActor = { name: 'Civilians (Libya)', inter: 7 };
export const MIGRANTS: EventActor = { name: 'Migrants (Libya)', inter: 7 };
export const PROTESTERS: EventActor = { name: 'Protesters (Libya)', inter: 6 };
export const RIOTERS: EventActor = { name: 'Rioters (Libya)', inter: 5 };
const STATE_MILITARY: EventActor = { name: 'Military Forces of Libya (2014-)', inter: 1 };
const STATE_POLICE: EventActor = { name: 'Police Forces of Libya (2014-)', inter: 1 };

export type GenericKind = 'unidentified-air' | 'unidentified-armed' | 'civilians' | 'migrants' | 'protesters' | 'rioters' | 'military' | 'police';

/** The words that name an unnamed actor, in ACLED's terms. Order matters: the first to claim a span keeps it. */
export const GENERIC_ACTORS: readonly { kind: GenericKind; actor: EventActor; pattern: RegExp }[] = [
  {
    // "Unidentified (fighter) jets|aircraft|drones": ACLED's Unidentified Military Forces (only states fly them).
    kind: 'unidentified-air',
    actor: UNIDENTIFIED_MILITARY,
    pattern:
      /\b(?:unidentified|unknown|unmarked|unidentifiable|unnamed|mysterious)\s+(?:foreign\s+)?(?:fighter[- ]jets?|fighter planes?|war ?planes?|military (?:aircraft|planes?|jets?)|jets?|aircraft|planes?|drones?|helicopters?)\b/gi,
  },
  {
    // "Unknown gunmen", "armed men", "kidnappers": ACLED's Unidentified Armed Group (Libya).
    kind: 'unidentified-armed',
    actor: UNIDENTIFIED_ARMED_GROUP,
    pattern:
      /\b(?:(?:unidentified|unknown|masked|unnamed|armed)\s+)?(?:gunmen|armed men|assailants|attackers|kidnappers|abductors|militiamen)\b|\b(?:unidentified|unknown|masked)\s+(?:armed\s+)?(?:group|groups|men|militants|individuals|persons|fighters)\b/gi,
  },
  { kind: 'protesters', actor: PROTESTERS, pattern: /\b(?:protesters|protestors|demonstrators)\b/gi },
  { kind: 'rioters', actor: RIOTERS, pattern: /\b(?:rioters|mob)\b/gi },
  { kind: 'migrants', actor: CIVILIANS, pattern: /\b(?:migrants?|refugees|asylum[- ]seekers)\b/gi },
  {
    kind: 'civilians',
    actor: CIVILIANS,
    pattern:
      /\b(?:civilians?|residents?|villagers|inhabitants|passers-by|bystanders|families|child|children|woman|women|man|girls?|boys?|daughters?|sons?|infants?|bab(?:y|ies)|teenagers?|worshippers|shoppers|patients|students|journalists?|reporters?|activists?|mayor|doctors?|nurses?|lawyers?|judges?|workers|labou?rers|fishermen|farmers|pedestrians|Christians|Copts|nationals|citizens|expatriates|aid workers|tourists|visitors|foreigners|hostages|pilgrims)\b/gi,
  },
  { kind: 'police', actor: STATE_POLICE, pattern: /\b(?:police(?:men| officers| forces)?|security (?:forces|services|personnel)|interior ministry forces)\b/gi },
  {
    kind: 'military',
    actor: STATE_MILITARY,
    pattern: /\b(?:(?:government|army|military|pro-government|state|Libyan)\s+(?:forces|troops|soldiers|units)|soldiers|troops|the army)\b/gi,
  },
];
