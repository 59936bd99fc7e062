import { classifyEventType, locateEvent } from './event-type';
import { isAsserted } from './sentences';
import type { EventType, SubEventType } from './types';

/** ACLED event classes from cue words, their precedence, and the negation/future/background checks. */

type Row = [text: string, type: EventType, sub: SubEventType, civilians: boolean, cue: RegExp];

const CLASSES: Row[] = [
  // Air/drone strikes, in their usual phrasings.
  ['LNA warplanes struck Mitiga airport on Saturday.', 'Explosions/Remote violence', 'Air/drone strike', false, /^warplanes struck$/],
  ['An air strike hit a farm near Gharyan.', 'Explosions/Remote violence', 'Air/drone strike', false, /^air strike$/],
  ['Turkish-made drones carried out a drone strike on the Jufra air base.', 'Explosions/Remote violence', 'Air/drone strike', false, /drone strike/],
  ['Mitiga airport was bombed by Emirati jets overnight.', 'Explosions/Remote violence', 'Air/drone strike', false, /^bombed by Emirati jets$/],
  ['A helicopter gunship fired on vehicles near Sabha.', 'Explosions/Remote violence', 'Air/drone strike', false, /helicopter gunship/],
  ['Airstrikes pounded residential areas of Tajoura, killing three civilians.', 'Explosions/Remote violence', 'Air/drone strike', true, /^Airstrikes$/],
  // Air-to-air, or a target that fires back: a battle.
  ['LNA jets struck a GNA convoy, which returned fire with anti-aircraft guns.', 'Battles', 'Armed clash', false, /returned fire/],
  // Shelling, missiles, rockets.
  ['Heavy shelling hit Ain Zara overnight.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', false, /^shelling$/],
  ['Grad rockets landed on homes in Abu Salim, killing a child.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', true, /rockets/],
  ['Mortar rounds fell on Mitiga airport.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', false, /^Mortar$/],
  // Suicide bombs before IEDs: a suicide car bomb is a Suicide bomb.
  ['A suicide car bomb exploded at a checkpoint in Zliten.', 'Explosions/Remote violence', 'Suicide bomb', false, /^suicide car bomb$/],
  ['A car bomb exploded outside the Benghazi courthouse.', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', false, /^car bomb$/],
  ['Two deminers were killed by a landmine in Ain Zara.', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', false, /landmine/],
  ['A hand grenade was thrown into a cafe in Sabha.', 'Explosions/Remote violence', 'Grenade', false, /grenade/],
  // Battles.
  ['Clashes erupted between rival militias in Zawiya.', 'Battles', 'Armed clash', false, /^Clashes$/],
  ['Rada and the 444 Brigade exchanged fire near the airport.', 'Battles', 'Armed clash', false, /exchanged fire/],
  ['Fighters ambushed an LNA patrol south of Sirte.', 'Battles', 'Armed clash', false, /ambushed/],
  ['After heavy fighting, the LNA captured Gharyan.', 'Battles', 'Government regains territory', false, /^captured$/],
  ['Islamic State militants seized control of Sirte.', 'Battles', 'Non-state actor overtakes territory', false, /seized control/],
  ['Gharyan fell to the army on Tuesday.', 'Battles', 'Government regains territory', false, /fell to/],
  ['Government forces took the town without a fight.', 'Strategic developments', 'Non-violent transfer of territory', false, /.*/],
  // Violence against civilians.
  ['Gunmen abducted a journalist in Benghazi.', 'Violence against civilians', 'Abduction/forced disappearance', true, /^abducted$/],
  ['Unknown men kidnapped two Turkish workers on the road to Ubari.', 'Violence against civilians', 'Abduction/forced disappearance', true, /kidnapped/],
  ['Militants executed three residents of Sirte.', 'Violence against civilians', 'Attack', true, /^executed$/],
  ['A man was shot dead by gunmen in Derna.', 'Violence against civilians', 'Attack', true, /shot dead/],
  // Demonstrations.
  ['Hundreds of protesters gathered in Martyrs\' Square to demand elections.', 'Protests', 'Peaceful protest', false, /^protesters$/],
  ['Police used tear gas to disperse a sit-in outside the parliament in Tobruk.', 'Protests', 'Protest with intervention', false, /tear gas/],
  ['Militiamen opened fire on protesters in Zawiya, killing one.', 'Protests', 'Excessive force against protesters', true, /opened fire on/],
  ['Demonstrators threw stones at police in Misrata.', 'Riots', 'Violent demonstration', false, /threw stones/],
  ['A mob lynched a suspected thief in Sabha after a protest.', 'Riots', 'Mob violence', false, /protest/],
  // Strategic developments.
  ['The two sides agreed to a ceasefire in Geneva.', 'Strategic developments', 'Agreement', false, /^agreed to a ceasefire$/],
  ['A truce took effect at midnight on Saturday.', 'Strategic developments', 'Agreement', false, /truce took effect/],
  ['The LNA and the GNA exchanged prisoners in Zawiya.', 'Strategic developments', 'Agreement', false, /exchanged prisoners/],
  ['Rada arrested a senior commander at the airport.', 'Strategic developments', 'Arrests', false, /^arrested$/],
  ['Turkey set up a forward base at al-Watiya.', 'Strategic developments', 'Headquarters or base established', false, /set up a forward base/],
  ['Fighters looted shops in the old city of Tripoli.', 'Strategic developments', 'Looting/property destruction', false, /^looted$/],
  ['LNA air defences shot down a Turkish drone over Misrata.', 'Strategic developments', 'Disrupted weapons use', false, /^shot down$/],
  ['Engineers defused an IED planted near the Sirte road.', 'Strategic developments', 'Disrupted weapons use', false, /defused/],
  ['Tribal guards shut down the Sharara oil field.', 'Strategic developments', 'Change to group/activity', false, /shut down/],
  ['Haftar deployed reinforcements to Sirte on Monday.', 'Strategic developments', 'Change to group/activity', false, /deployed/],
  ['The LNA withdrew from Tarhuna overnight.', 'Strategic developments', 'Non-violent transfer of territory', false, /withdrew from/],
  ['The HoR said it would hold a session in Sirte next week.', 'Strategic developments', 'Other', false, /^said$/],
];

describe('classifyEventType', () => {
  it.each(CLASSES)('%s → %s / %s', (text, type, sub, civilians, cue) => {
    const event = classifyEventType(text);
    expect([event.eventType, event.subEventType]).toEqual([type, sub]);
    expect(event.civilianTargeting).toBe(civilians);
    expect(event.cue).toMatch(cue);
  });

  it('sets the disorder type from the event type (ACLED)', () => {
    expect(classifyEventType('Clashes erupted in Zawiya.').disorderType).toBe('Political violence');
    expect(classifyEventType('Protesters marched in Benghazi.').disorderType).toBe('Demonstrations');
    expect(classifyEventType('Rioters torched a police station after a protest.').disorderType).toBe('Demonstrations');
    expect(classifyEventType('The parties signed a deal.').disorderType).toBe('Strategic developments');
    // ACLED codes these two under both disorder types.
    expect(classifyEventType('Militiamen opened fire on protesters in Zawiya, killing one.').disorderType).toBe(
      'Political violence; Demonstrations',
    );
    expect(classifyEventType('A mob lynched a suspected thief in Sabha after a protest.').disorderType).toBe(
      'Political violence; Demonstrations',
    );
  });

  it('falls back to Strategic developments/Other without a cue', () => {
    expect(classifyEventType('Libya has Africa’s largest oil reserves.')).toEqual({
      disorderType: 'Strategic developments',
      eventType: 'Strategic developments',
      subEventType: 'Other',
      civilianTargeting: false,
    });
  });
});

describe('negation, intention and background', () => {
  const NOT_EVENTS: [string, SubEventType][] = [
    ['The LNA warned of air strikes on any Turkish ship approaching Misrata.', 'Other'],
    ['Haftar threatened to bomb Mitiga airport if flights resumed.', 'Other'],
    ['Air strikes could resume within days, a diplomat said.', 'Other'],
    ['There were no clashes in Tripoli overnight, residents said.', 'Other'],
    ['The UN called for a ceasefire in Tripoli.', 'Other'],
    ['The talks failed to reach an agreement on the budget.', 'Other'],
    ['The GNA accused the LNA of violating the ceasefire agreed in October.', 'Other'],
    ['Ceasefire talks resumed in Geneva on Monday.', 'Other'],
    ['Since Gaddafi was killed, Libya has had two governments.', 'Other'],
    ['Gaddafi was killed in 2011 near Sirte.', 'Other'],
    ['He said 41 people had been killed and six wounded.', 'Other'],
    ['The White House condemned the attack.', 'Other'],
    ['Diplomats said air strikes on Sirte are possible.', 'Other'],
    ['Islamic State has faced air strikes from a U.S.-led coalition since 2014.', 'Other'],
    ['The exercise was to be used as an attack on a southern country.', 'Other'],
    ['The militants carried out two attacks last year in Tunisia.', 'Other'],
  ];
  it.each(NOT_EVENTS)('%s → %s', (text, sub) => {
    expect(classifyEventType(text).subEventType).toBe(sub);
  });

  it('keeps the event when the negation belongs to another clause', () => {
    expect(classifyEventType('Although no group claimed it, drones struck al-Watiya.').subEventType).toBe('Air/drone strike');
    expect(classifyEventType('On 5 May, jets struck Sirte.').subEventType).toBe('Air/drone strike');
    expect(classifyEventType('The LNA agreed to a ceasefire after talks in Moscow.').subEventType).toBe('Agreement');
  });

  it('tests modality against the clause before the cue', () => {
    const s = 'The GNA warned that jets would strike, but LNA jets struck Mitiga.';
    expect(isAsserted(s, s.indexOf('strike,'), s.indexOf('strike,') + 6)).toBe(false);
    expect(isAsserted(s, s.lastIndexOf('struck'), s.lastIndexOf('struck') + 6)).toBe(true);
  });
});

describe('which sentence carries the event', () => {
  it('takes the first sentence that reports an event, over an earlier statement', () => {
    const text = 'The GNA said on Friday it was investigating. LNA drones struck Mitiga on Thursday.';
    const locus = locateEvent(text);
    expect(locus.event.subEventType).toBe('Air/drone strike');
    expect(locus.sentenceIndex).toBe(1);
    expect(text.slice(locus.cueStart, locus.cueEnd)).toBe('drones struck');
  });

  it('takes the first event sentence over a later one (precedence only within a sentence)', () => {
    const text = 'The 5+5 committee signed a ceasefire in Geneva. The deal follows months of LNA air strikes on Tripoli.';
    expect(classifyEventType(text).subEventType).toBe('Agreement');
  });

  it('applies precedence within the event sentence', () => {
    expect(classifyEventType('Clashes broke out after an air strike hit the base.').subEventType).toBe('Air/drone strike');
    expect(classifyEventType('Protesters clashed with police in Tripoli.').subEventType).toBe('Violent demonstration');
  });
});

describe('precision on real reporting: what is not an event', () => {
  // Statistics, trends and comparisons count many events; ACLED codes one event per day and place.
  const AGGREGATES: string[] = [
    'There were 312 attacks in the first half of the year across the Sahel, the monitoring group said.',
    'Islamic State attacks have increased this year, particularly in Nigeria, the analysts said.',
    'Those strikes killed 600 people, a 20 percent rise on the previous quarter.',
    'The report noted a rise in kidnappings in the south, where gangs have grown in strength, taking over smuggling routes.',
    'The southern offensive has been slower, with militias taking only two villages over the past month.',
    'Border guards have fought increasing gunbattles with smugglers in recent years.',
    'Analysts counted almost as many bombings in the first three months as in the whole of last year.',
  ];
  it.each(AGGREGATES)('a statistic or trend: %s', (text) => {
    expect(classifyEventType(text).subEventType).toBe('Other');
  });

  // Questions assert nothing; headlines and rhetorical questions are common in opinion pieces.
  it.each(['Massacre in the old city?', 'Why did NATO bomb Tripoli in 2011?', 'Were the air strikes on Sirte legal?'])('a question: %s', (text) => {
    expect(classifyEventType(text).subEventType).toBe('Other');
  });

  // Other wars are background for a Libya desk; Libya's neighbours are not.
  it.each([
    'In Syria, government forces backed by Russian jets recaptured the town of Deir Hafer.',
    'The coalition had fought the same jihadists in Afghanistan and Iraq.',
    'The group has carried out suicide bombings in neighbouring Iraq.',
  ])('set in another war: %s', (text) => {
    expect(classifyEventType(text).subEventType).toBe('Other');
  });
  it('keeps an event in a neighbouring country', () => {
    expect(classifyEventType('Gunmen opened fire on tourists at a museum in Tunisia, killing 19 people.').subEventType).toBe('Attack');
  });

  // Named references to an event told elsewhere, and characterisations of it.
  it.each([
    'The UN report on the Zawiya air strike was published on Monday.',
    '"This was a cowardly and well-planned attack," the interior minister told state television.',
    '"Everyone agrees that this [attack] is foreign to our traditions," he said.',
    'France trumpeted its role in the NATO air campaign.',
  ])('a reference, not a report: %s', (text) => {
    expect(classifyEventType(text).subEventType).toBe('Other');
  });

  // Cue words used in another sense.
  it.each([
    'The US withdrew its forces from direct combat in April.',
    'Libyan agents captured them in joint counter-terrorism operations.',
    'The authorities handed over three suspects to Tunisia.',
    'Up to 3,000 Syrian fighters are said to be fighting on the side of the government in Tripoli.',
    'For years the two powers have been fighting for influence in the region.',
    'Washington occupied the Gulf states with military bases.',
  ])('not the event its cue suggests: %s', (text) => {
    expect(classifyEventType(text).subEventType).toBe('Other');
  });
});

describe('precision on real reporting: who was hit decides the type', () => {
  const ROWS: [string, EventType, SubEventType, boolean][] = [
    // Armed people are not civilians, even when civilians are named in what qualifies them.
    ['Special forces killed a Chadian fighter wanted for attacks on aid workers.', 'Battles', 'Armed clash', false],
    ['Gunmen shot dead two jihadists accused of murdering shepherds near Derna.', 'Battles', 'Armed clash', false],
    ['The army said it had killed an insurgent commander behind the kidnapping of foreign workers.', 'Battles', 'Armed clash', false],
    ['A drone strike killed a militant linked to the bombing of a market in Sabha.', 'Explosions/Remote violence', 'Air/drone strike', false],
    // Civilians or unspecified people stay Violence against civilians.
    ['Militants executed three shepherds accused of spying.', 'Violence against civilians', 'Attack', true],
    ['A man was shot dead by gunmen outside his home in Derna.', 'Violence against civilians', 'Attack', true],
    // New phrasings of real events.
    ['France began attacking Libyan air defences with fighter jets on Saturday.', 'Explosions/Remote violence', 'Air/drone strike', false],
    ['Islamic State fighters briefly occupied the western town of Sabratha.', 'Battles', 'Non-state actor overtakes territory', false],
  ];
  it.each(ROWS)('%s → %s / %s', (text, type, sub, civilians) => {
    const event = classifyEventType(text);
    expect([event.eventType, event.subEventType, event.civilianTargeting]).toEqual([type, sub, civilians]);
  });
});
