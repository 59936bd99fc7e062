import { getEntity, getMatcher } from '../kb';
import { pickActors } from './actors';
import type { EventActor } from './types';

/** Who did what to whom: roles, allies, speakers, ACLED's unnamed actors and inter codes. */

const who = (a?: EventActor) => a?.entityId ?? a?.name;
const read = (text: string) => pickActors(text, getMatcher().find(text));

type Row = [text: string, actor1: string | undefined, actor2: string | undefined, assoc1?: string[], assoc2?: string[]];

const ROLES: Row[] = [
  // Subject and object.
  ['LNA warplanes struck GNA positions south of Tripoli.', 'actor:libyan-national-army', 'actor:government-of-national-accord'],
  // A person's forces are the group the person leads (memberOf in the KB).
  ['Forces loyal to Khalifa Haftar shelled Misrata airport.', 'actor:libyan-national-army', undefined],
  ['Haftar launched an offensive on Tripoli in April.', 'actor:libyan-national-army', undefined],
  ["Sarraj's forces attacked LNA positions near Sirte.", 'actor:government-of-national-accord', 'actor:libyan-national-army'],
  // Passive agent.
  ['The Tajoura detention centre was struck by LNA warplanes.', 'actor:libyan-national-army', undefined],
  ['Air strikes by Turkish drones on Wagner positions killed five.', 'actor:turkey', 'actor:wagner-group'],
  // Allies in one role.
  ['LNA and Wagner fighters attacked GNA positions in Ain Zara.', 'actor:libyan-national-army', 'actor:government-of-national-accord', ['actor:wagner-group']],
  ['GNA forces, backed by Turkish drones, recaptured al-Watiya from the LNA.', 'actor:government-of-national-accord', 'actor:libyan-national-army', ['actor:turkey']],
  // Opponents.
  ['Clashes broke out between the 444 Brigade and Rada in Souq al-Juma.', 'actor:444-brigade', 'actor:rada'],
  ['GNA and LNA forces clashed near Sirte.', 'actor:government-of-national-accord', 'actor:libyan-national-army'],
  ['The Nawasi Brigade clashed with the Tripoli Revolutionaries Brigade.', 'actor:nawasi-brigade', 'actor:tripoli-revolutionaries-brigade'],
  ['Misrata and Zintan brigades fought for control of the airport.', 'actor:misrata-brigades', 'actor:zintan-brigades'],
  // Speakers are not actors…
  ['The GNA said LNA drones struck Mitiga airport.', 'actor:libyan-national-army', undefined],
  ['LNA drones struck Mitiga airport, the GNA said.', 'actor:libyan-national-army', undefined],
  ['The GNA said on Friday that LNA drones had struck Mitiga airport.', 'actor:libyan-national-army', undefined],
  ['The LNA, which is backed by Wagner, shelled Ain Zara.', 'actor:libyan-national-army', undefined],
  ['According to the GNA, Emirati jets bombed Gharyan.', 'actor:uae-air-force', undefined],
  ['The GNA accused the LNA of shelling Abu Salim.', 'actor:libyan-national-army', undefined],
  // …unless they say they acted.
  ['The LNA said it struck a Turkish drone control room at Mitiga.', 'actor:libyan-national-army', undefined],
  // Unnamed actors, as ACLED writes them.
  ['Unidentified drones struck a convoy near Ubari.', 'Unidentified Military Forces', undefined],
  ['Unknown gunmen kidnapped a doctor in Sabha.', 'Unidentified Armed Group (Libya)', 'Civilians (Libya)'],
  ['An air strike hit a house in Zawiya.', 'Unidentified Military Forces', undefined],
  // Civilians as the target.
  ['LNA shelling killed three residents of Abu Salim.', 'actor:libyan-national-army', 'Civilians (Libya)'],
  ['Islamic State beheaded 21 Egyptian Christians in Sirte.', 'actor:islamic-state', 'Civilians (Egypt)'],
  ['An air strike on the Tajoura detention centre killed 53 migrants.', 'Unidentified Military Forces', 'Civilians (Libya)', [], ['Migrants (Libya)']],
  // A nationality word is not the state ("a Tunisian militant"); its drones are.
  ['A U.S. air strike targeted an Algerian militant in Ajdabiya.', 'actor:usa', undefined],
  ['Turkish drones struck Wagner mercenaries near Sirte.', 'actor:turkey', 'actor:wagner-group'],
  // Modifiers: "Turkish-made", "UN-backed".
  ['Turkish-made drones operated by the GNA struck al-Watiya.', 'actor:government-of-national-accord', undefined],
  // Towns as armed groups; datelines are not.
  ['Fighters from Zawiya attacked a Warshefana checkpoint.', 'actor:zawiya-armed-groups', undefined],
  // Protests: protesters are actor1, the intervening force actor2; ethnic groups are associated.
  ['Police fired tear gas at Amazigh protesters outside the parliament.', 'Protesters (Libya)', 'Police Forces of Libya (2014-)', ['actor:amazigh']],
  ['Hundreds of protesters marched in Misrata.', 'Protesters (Libya)', undefined],
  // Agreements: the two parties.
  ['The LNA and the GNA agreed to a prisoner swap in Zawiya.', 'actor:libyan-national-army', 'actor:government-of-national-accord'],
  // Claims fill an empty actor1.
  ['A car bomb exploded in Benghazi; Ansar al-Sharia claimed responsibility.', 'actor:ansar-al-sharia-libya', undefined],
];

describe('pickActors', () => {
  it('uses only ids the knowledge base has', () => {
    for (const [, a1, a2, s1 = [], s2 = []] of ROLES) {
      for (const id of [a1, a2, ...s1, ...s2]) if (id?.startsWith('actor:')) expect(getEntity(id), id).toBeDefined();
    }
  });

  it.each(ROLES)('%s', (text, actor1, actor2, assoc1 = [], assoc2 = []) => {
    const roles = read(text);
    expect(who(roles.actor1)).toBe(actor1);
    expect(who(roles.actor2)).toBe(actor2);
    expect(roles.assocActors1.map(who)).toEqual(assoc1);
    expect(roles.assocActors2.map(who)).toEqual(assoc2);
  });

  it('never names the same actor twice', () => {
    const roles = read("Haftar's forces and the LNA attacked the LNA's rivals in Tarhuna.");
    const all = [roles.actor1, roles.actor2, ...roles.assocActors1, ...roles.assocActors2].filter(Boolean).map(who);
    expect(new Set(all).size).toBe(all.length);
  });

  it('does not treat places as actors', () => {
    const roles = read('Clashes erupted in Tripoli and Misrata on Sunday.');
    expect(roles.actor1).toBeUndefined();
    expect(roles.actor2).toBeUndefined();
  });
});

describe('precision on real reporting: actors', () => {
  const ROWS: Row[] = [
    // Armed people as the target: the civilians named in what qualifies them are not the target.
    ['A U.S. air strike killed a Tunisian militant linked to attacks on tourists in Sousse.', 'actor:usa', undefined],
    ['Turkish drones struck a convoy near Sirte, killing a Wagner commander wanted for the murder of civilians.', 'actor:turkey', 'actor:wagner-group'],
    // A civilian who speaks is a witness, and civilians that describe a place are not victims.
    ['The mayor of Sabratha told reporters that jets struck a farmhouse in a district home to many foreigners.', 'Unidentified Military Forces', undefined],
    // Whom the doer helps is an ally, not the target.
    ["Egyptian jets bombed Derna to support Haftar's forces.", 'actor:egyptian-air-force', undefined, ['actor:libyan-national-army']],
    // "his troops" are the doer's own men.
    ['In April, Haftar attacked Tripoli with his troops.', 'actor:libyan-national-army', undefined],
    // Countries as places, modifiers and nationals are not actors.
    ['Attacks have increased in neighbours Iraq and Syria, analysts said.', undefined, undefined],
    ['A U.S.-based monitoring group said the fighting had displaced thousands.', undefined, undefined],
    ['Tunisians elected a new parliament on Sunday.', undefined, undefined],
    // A statement: the speaker of its own clause, never a name from a quote, a civilian, or what was said.
    ['"If the army had not held, the gunmen would have taken the town," said a local member of parliament.', undefined, undefined],
    ['The official said the United States could impose sanctions on the smugglers.', undefined, undefined],
    ['Residents said more than 200 migrants had been rescued off Zuwara.', undefined, undefined],
    ['Both leaders called Haftar a "war criminal" and ruled out talks with him.', undefined, undefined],
    // …but an institution that speaks, in its own clause or in the subject position, is the actor.
    ['The NOC in Tripoli says any sale by its eastern rival would breach UN resolutions.', 'actor:national-oil-corporation', undefined],
    ['The GNA has rejected the plan, and says it will appeal to the Security Council.', 'actor:government-of-national-accord', undefined],
  ];
  it('uses only ids the knowledge base has', () => {
    for (const [, a1, a2, s1 = [], s2 = []] of ROWS) {
      for (const id of [a1, a2, ...s1, ...s2]) if (id?.startsWith('actor:')) expect(getEntity(id), id).toBeDefined();
    }
  });
  it.each(ROWS)('%s', (text, actor1, actor2, assoc1 = [], assoc2 = []) => {
    const roles = read(text);
    expect(who(roles.actor1)).toBe(actor1);
    expect(who(roles.actor2)).toBe(actor2);
    expect(roles.assocActors1.map(who)).toEqual(assoc1);
    expect(roles.assocActors2.map(who)).toEqual(assoc2);
  });
});
