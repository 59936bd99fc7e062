import { getMatcher } from '../kb';
import { actorMentions, isSpeaker } from './actor-mentions';
import { splitSentences } from './sentences';
import type { EventActor } from './types';

const who = (a?: EventActor) => a?.entityId ?? a?.name;

describe('speakers and mentions', () => {
  it('recognises the speaker shapes of wire copy', () => {
    const cases: [string, string, boolean][] = [
      ['The GNA said the strike killed five.', 'GNA', true],
      ['Five died, the LNA said.', 'LNA', true],
      ['According to the LNA, five died.', 'LNA', true],
      ['A spokesman for the LNA said five died.', 'LNA', true],
      ['LNA spokesman Ahmed al-Mismari said five died.', 'LNA', true],
      ['A UN report on the strike was published.', 'UN', true],
      ['LNA jets struck Mitiga and the GNA said five died.', 'LNA', false],
    ];
    for (const [text, name, expected] of cases) {
      const [sentence] = splitSentences(text);
      const m = { start: text.indexOf(name), end: text.indexOf(name) + name.length };
      expect(isSpeaker(text, sentence!, m, /struck/.exec(text)?.index), text).toBe(expected);
    }
  });

  it('marks town names that are part of an actor, so they are not taken for the location', () => {
    const text = 'Misrata and Zintan brigades clashed near Tripoli.';
    const { mentions, absorbedPlaces } = actorMentions(text, getMatcher().find(text));
    expect(mentions.map((m) => who(m.actor))).toEqual(['actor:misrata-brigades', 'actor:zintan-brigades']);
    expect([...absorbedPlaces]).toEqual([0]);
  });

  it('merges one actor written twice in a row', () => {
    const text = "Khalifa Haftar's Libyan National Army (LNA) advanced.";
    const { mentions } = actorMentions(text, getMatcher().find(text));
    expect(mentions).toHaveLength(1);
    expect(who(mentions[0]!.actor)).toBe('actor:libyan-national-army');
  });
});
