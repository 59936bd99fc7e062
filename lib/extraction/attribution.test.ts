import { getMatcher } from '../kb';
import { readAttribution, status } from './attribution';
import type { AttributionStatement } from './types';

/** Airwars-style attribution: perpetrator named or not, statements claimed/alleged/denied, and the status. */

const read = (text: string) => readAttribution(text, getMatcher().find(text));
const brief = (s: AttributionStatement) => `${s.stance} ${s.by.entityId ?? s.by.name}→${s.about?.entityId ?? s.about?.name}`;

describe('readAttribution', () => {
  it('reads the required example: unidentified jets, an allegation "according to … by …", then a claim', () => {
    const a = read(
      "Unidentified fighter jets struck the al-Watiya air base overnight, according to an intelligence source, by jets belonging to a neighbouring country. Haftar's forces claimed responsibility.",
    );
    expect(a.perpetrator).toBe('unidentified');
    expect(a.statements).toEqual([
      { stance: 'alleged', by: { name: 'an intelligence source' }, about: { name: 'a neighbouring country' }, cue: 'according to' },
      {
        stance: 'claimed',
        by: { name: 'Libyan National Army (LNA / LAAF)', entityId: 'actor:libyan-national-army' },
        about: { name: 'Libyan National Army (LNA / LAAF)', entityId: 'actor:libyan-national-army' },
        cue: 'claimed responsibility',
      },
    ]);
    expect(a.status).toBe('claimed');
  });

  const ROWS: [text: string, perpetrator: string, status: string, statements: string[]][] = [
    // Claims.
    ['The LNA said its warplanes had struck a Turkish drone control room at Mitiga.', 'named', 'claimed', ['claimed actor:libyan-national-army→actor:libyan-national-army']],
    ['The GNA announced that its drones had targeted LNA positions near Sirte.', 'named', 'claimed', ['claimed actor:government-of-national-accord→actor:government-of-national-accord']],
    ['Islamic State claimed responsibility for the suicide bombing in Misrata.', 'named', 'claimed', ['claimed actor:islamic-state→actor:islamic-state']],
    ["LNA spokesman Ahmed al-Mismari admitted carrying out the strike.", 'unknown', 'claimed', ['claimed actor:libyan-national-army→actor:libyan-national-army']],
    // Allegations.
    // The accused is read as the doer (actor1), so the perpetrator is named, by allegation.
    ['The GNA accused the UAE of carrying out the strike on Tripoli.', 'named', 'alleged', ['alleged actor:government-of-national-accord→actor:uae']],
    ['The GNA blamed the attack on forces loyal to Haftar.', 'unknown', 'alleged', ['alleged actor:government-of-national-accord→actor:libyan-national-army']],
    ['The GNA said the strike was carried out by Emirati jets.', 'unknown', 'alleged', ['alleged actor:government-of-national-accord→actor:uae-air-force']],
    ['The GNA said LNA warplanes struck Mitiga airport.', 'named', 'alleged', ['alleged actor:government-of-national-accord→actor:libyan-national-army']],
    ['Mitiga was hit by LNA jets, according to a statement by the GNA.', 'named', 'alleged', ['alleged actor:government-of-national-accord→actor:libyan-national-army']],
    ['Drones reportedly belonging to the UAE struck the Tajoura detention centre.', 'named', 'alleged', ['alleged reports→actor:uae']],
    // Denials.
    ['The UAE denied any involvement in the strike on the Tajoura detention centre.', 'unknown', 'denied', ['denied actor:uae→actor:uae']],
    ['Turkey rejected the accusations, saying it had not been involved.', 'unknown', 'denied', ['denied actor:turkey→actor:turkey']],
    // Contested: claim and another's denial, competing claims, allegation and denial, allegations against different parties.
    ['The LNA claimed the strike on Zawiya, but the GNA denied that any strike took place.', 'unknown', 'contested', ['claimed actor:libyan-national-army→actor:libyan-national-army', 'denied actor:government-of-national-accord→actor:government-of-national-accord']],
    ['Both the LNA and the GNA claimed responsibility for downing the drone.', 'named', 'contested', ['claimed actor:libyan-national-army→actor:libyan-national-army', 'claimed actor:government-of-national-accord→actor:government-of-national-accord']],
    ['The GNA blamed the LNA for the strike, but the LNA denied involvement.', 'unknown', 'contested', ['alleged actor:government-of-national-accord→actor:libyan-national-army', 'denied actor:libyan-national-army→actor:libyan-national-army']],
    ['An air strike hit Zawiya. The GNA accused the UAE, while the LNA said Turkish drones were behind it.', 'unknown', 'contested', ['alleged actor:government-of-national-accord→actor:uae', 'alleged actor:libyan-national-army→actor:turkey']],
    // Nothing said about responsibility.
    ['LNA warplanes struck Mitiga airport on Saturday.', 'named', 'unknown', []],
    ['An air strike hit a farm near Gharyan, killing two.', 'unknown', 'unknown', []],
    ['Unknown gunmen kidnapped a doctor in Sabha. No group has claimed responsibility.', 'unidentified', 'unknown', []],
    // A statement event has a speaker, not a perpetrator.
    ['The HoR voted to withdraw confidence from the GNU.', 'unknown', 'unknown', []],
  ];

  it.each(ROWS)('%s', (text, perpetrator, expected, statements) => {
    const a = read(text);
    expect(a.perpetrator).toBe(perpetrator);
    expect(a.statements.map(brief)).toEqual(statements);
    expect(a.status).toBe(expected);
  });

  it('keeps the party as written when the knowledge base does not know it', () => {
    const a = read('Warplanes struck Sirte, according to a military source, by aircraft belonging to a foreign power.');
    expect(a.statements).toEqual([{ stance: 'alleged', by: { name: 'a military source' }, about: { name: 'a foreign power' }, cue: 'according to' }]);
  });
});

describe('status', () => {
  const lna = { name: 'LNA', entityId: 'actor:libyan-national-army' };
  const gna = { name: 'GNA', entityId: 'actor:government-of-national-accord' };
  const source = { name: 'a source' };
  const claim = (p: typeof lna): AttributionStatement => ({ stance: 'claimed', by: p, about: p, cue: 'claimed' });
  const denial = (p: typeof lna): AttributionStatement => ({ stance: 'denied', by: p, about: p, cue: 'denied' });
  const allegation = (by: { name: string; entityId?: string }, about: typeof lna): AttributionStatement => ({ stance: 'alleged', by, about, cue: 'accused' });

  it.each([
    [[], 'unknown'],
    [[claim(lna)], 'claimed'],
    [[claim(lna), allegation(source, lna)], 'claimed'],
    [[claim(lna), allegation(source, gna)], 'claimed'],
    [[claim(lna), denial(lna)], 'claimed'],
    [[claim(lna), denial(gna)], 'contested'],
    [[claim(lna), claim(gna)], 'contested'],
    [[allegation(source, lna)], 'alleged'],
    [[allegation(gna, lna), allegation(source, lna)], 'alleged'],
    [[allegation(gna, lna), allegation(lna, gna)], 'contested'],
    [[allegation(gna, lna), denial(lna)], 'contested'],
    [[denial(lna)], 'denied'],
  ] as [AttributionStatement[], string][])('%j → %s', (statements, expected) => {
    expect(status(statements)).toBe(expected);
  });
});

describe('precision on real reporting: criticism is not attribution', () => {
  // Allegations are about who carried out a strike, an attack or a killing; blame for a political failure is criticism.
  it.each([
    "The US president blamed Britain for Libya's descent into chaos after 2011.",
    'The GNA blamed the House of Representatives for the collapse of the economy.',
    'Egypt accused Turkey of deepening the crisis in Libya.',
    // A hedge with no violent event in the paragraph says nothing about a perpetrator.
    "Up to 3,000 Syrian fighters are said to be in Turkey's pay.",
  ])('no statement: %s', (text) => {
    const a = read(text);
    expect(a.statements.map(brief)).toEqual([]);
    expect(a.status).toBe('unknown');
  });

  it.each([
    ['The GNA blamed the LNA for the shelling of Abu Salim.', ['alleged actor:government-of-national-accord→actor:libyan-national-army']],
    ['The GNA accused the LNA of killing civilians in Tarhuna, deepening the crisis.', ['alleged actor:government-of-national-accord→actor:libyan-national-army']],
  ])('still an allegation when the charge is a violent act: %s', (text, statements) => {
    expect(read(text).statements.map(brief)).toEqual(statements);
  });
});
