import type { TextMatch } from '../recognition/types';
import { isArmed, UNIDENTIFIED_ARMED_GROUP } from './acled-actors';
import { pickActors } from './actors';
import { readAttribution } from './attribution';
import { eventClass, locateEvent } from './event-type';
import { countFatalities } from './fatalities';
import { pickLocation } from './location';
import type { EventActor, EventAnalysis, EventClass } from './types';

export type { EventAnalysis } from './types';

/**
 * One clipped paragraph read as an ACLED event with Airwars attribution: the event class (event-type.ts),
 * the actors (actors.ts), the place (location.ts), the dead (fatalities.ts) and who is said to have done
 * it (attribution.ts). Pure: text in, record fields out.
 */


/**
 * ACLED rules that need the actors as well as the words:
 *  - territory: state forces (inter 1) regain it, anyone else overtakes it;
 *  - an attack on an armed actor is a battle, and one on civilians is violence against civilians;
 *  - an arrest by a rebel or jihadist group or unknown gunmen is an abduction;
 *  - civilian targeting when civilians are the target of remote violence.
 */
function reconcile(event: EventClass, kind: string | undefined, actor1?: EventActor, actor2?: EventActor): EventClass {
  const { eventType, subEventType, cue } = event;
  if (eventType === 'Battles' && (subEventType === 'Government regains territory' || subEventType === 'Non-state actor overtakes territory') && actor1) {
    return eventClass('Battles', actor1.inter === 1 ? 'Government regains territory' : 'Non-state actor overtakes territory', false, cue);
  }
  if (kind === 'attack' && subEventType === 'Attack' && isArmed(actor2)) return eventClass('Battles', 'Armed clash', false, cue);
  if (kind === 'attack' && subEventType === 'Armed clash' && actor2?.inter === 7) return eventClass('Violence against civilians', 'Attack', true, cue);
  // (Militias that police a city, like Rada, make arrests in ACLED's sense; jihadists and unknown gunmen abduct.)
  if (subEventType === 'Arrests' && actor1 && (actor1.inter === 2 || actor1.name === UNIDENTIFIED_ARMED_GROUP.name)) {
    return eventClass('Violence against civilians', 'Abduction/forced disappearance', true, cue);
  }
  if (eventType === 'Explosions/Remote violence' && actor2?.inter === 7 && !event.civilianTargeting) {
    return eventClass(eventType, subEventType, true, cue);
  }
  return event;
}

/** The paragraph as an event. `matches` are the knowledge-base matches of `text` (getMatcher().find(text)). */
export function analyseEvent(text: string, matches: readonly TextMatch[]): EventAnalysis {
  const locus = locateEvent(text);
  const roles = pickActors(text, matches, locus);
  const event = reconcile(locus.event, locus.kind, roles.actor1, roles.actor2);
  const analysis: EventAnalysis = {
    event,
    assocActors1: roles.assocActors1,
    assocActors2: roles.assocActors2,
    fatalities: countFatalities(text),
    attribution: readAttribution(text, matches, locus, roles.actor1),
  };
  if (roles.actor1) analysis.actor1 = roles.actor1;
  if (roles.actor2) analysis.actor2 = roles.actor2;
  const location = pickLocation(text, matches, locus);
  if (location) analysis.location = location;
  return analysis;
}
