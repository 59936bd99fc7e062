import type { Entity } from '../kb/types';
import { keyOf } from './aliases';
import { Matcher } from './matcher';

/**
 * The matcher's rules on a small knowledge base written for the test; lib/kb/kb.test.ts runs the same
 * kinds of phrases against the real data. Each ambiguity decision is one `it`.
 */
const place = (id: string, name: string, aliases: Entity['aliases'] = []): Entity => ({
  id, name, aliases, kind: 'location', category: 'city', lat: 32, lon: 13, sources: ['test'],
});
const actor = (id: string, name: string, aliases: Entity['aliases'] = []): Entity => ({
  id, name, aliases, kind: 'actor', category: 'person', sources: ['test'],
});

const kb: Entity[] = [
  actor('actor:khalifa-haftar', 'Khalifa Haftar', ['Haftar', 'Hifter', 'Heftar', 'Field Marshal Haftar']),
  actor('actor:saddam-haftar', 'Saddam Haftar'),
  actor('actor:lna', 'Libyan National Army', ['LNA', "Haftar's forces"]),
  actor('actor:islamic-state', 'Islamic State', [
    { text: 'IS', case: 'exact', rejectAfter: ['^\\s+(?:a|an|the|not)\\b'] },
    'ISIS', 'ISIL', 'Daesh',
  ]),
  actor('actor:usa', 'United States', [{ text: 'US', case: 'exact' }, { text: 'U.S.', case: 'exact' }, 'American']),
  actor('actor:africom', 'AFRICOM', ['US Africa Command']),
  actor('actor:turkey', 'Turkey', ['Turkish', 'Türkiye']),
  actor('actor:chad', 'Chad', [{ text: 'Chadian' }]),
  actor('actor:ansar-al-sharia', 'Ansar al-Sharia'),
  actor('actor:misrata-forces', 'Misrata forces', ['Misratan', 'Misrata brigades']),
  place('place:tripoli', 'Tripoli', [
    { text: 'Tripoli', rejectAfter: ['^,?\\s*(?:in\\s+)?(?:northern\\s+)?Lebanon'], rejectBefore: ["Lebanon'?s\\s+$"] },
    'Tarabulus', 'طرابلس',
  ]),
  place('place:misrata', 'Misrata', ['Misurata', 'Misratah']),
  place('place:watiya', 'al-Watiya Air Base', ['Watiya', 'Wattiya', 'Watiya airbase']),
  place('place:el-feel', 'El Feel', ['Elephant oil field']),
  place('place:bani-walid', 'Bani Walid', ['Beni Walid']),
  place('place:zawiya', 'Zawiya', ['Zawiyah']),
];

const matcher = new Matcher({ entities: kb });
const found = (text: string) => matcher.find(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('Matcher', () => {
  it('finds every alias in one pass with offsets into the text', () => {
    const text = 'Haftar’s LNA shelled Misurata; Turkish drones flew from Tripoli.';
    expect(found(text)).toEqual([
      ["Haftar’s LNA".slice(0, 6), 'actor:khalifa-haftar'],
      ['LNA', 'actor:lna'],
      ['Misurata', 'place:misrata'],
      ['Turkish', 'actor:turkey'],
      ['Tripoli', 'place:tripoli'],
    ]);
  });

  it('prefers the longest match', () => {
    expect(found('Field Marshal Haftar met Saddam Haftar')).toEqual([
      ['Field Marshal Haftar', 'actor:khalifa-haftar'],
      ['Saddam Haftar', 'actor:saddam-haftar'],
    ]);
    expect(found('Misrata brigades entered Misrata')).toEqual([
      ['Misrata brigades', 'actor:misrata-forces'],
      ['Misrata', 'place:misrata'],
    ]);
    expect(found("Haftar's forces advanced")).toEqual([["Haftar's forces", 'actor:lna']]);
  });

  it('ignores case for ordinary aliases, diacritics and curly quotes', () => {
    expect(found('HIFTER, heftar and Türkiye, turkiye')).toEqual([
      ['HIFTER', 'actor:khalifa-haftar'],
      ['heftar', 'actor:khalifa-haftar'],
      ['Türkiye', 'actor:turkey'],
      ['turkiye', 'actor:turkey'],
    ]);
  });

  it('treats hyphens and spaces alike, and Arabic articles as optional', () => {
    expect(found('Bani-Walid, Beni Walid, al-Wattiya, Al Watiya, Az-Zawiya, Ansar Sharia, Ansar al Sharia')).toEqual([
      ['Bani-Walid', 'place:bani-walid'],
      ['Beni Walid', 'place:bani-walid'],
      ['al-Wattiya', 'place:watiya'],
      ['Al Watiya', 'place:watiya'],
      ['Az-Zawiya', 'place:zawiya'],
      ['Ansar Sharia', 'actor:ansar-al-sharia'],
      ['Ansar al Sharia', 'actor:ansar-al-sharia'],
    ]);
  });

  it('reads words run together by sloppy editing', () => {
    expect(found('KhalifaHaftar and khalifahaftar visited BaniWalid')).toEqual([
      ['KhalifaHaftar', 'actor:khalifa-haftar'],
      ['khalifahaftar', 'actor:khalifa-haftar'],
      ['BaniWalid', 'place:bani-walid'],
    ]);
  });

  it('reads "airbase" and "air base" alike', () => {
    expect(found('the Watiya air base and the Watiya airbase')).toEqual([
      ['Watiya air base', 'place:watiya'],
      ['Watiya airbase', 'place:watiya'],
    ]);
  });

  it('does not join words across punctuation', () => {
    expect(found('Khalifa. Haftar')).toEqual([['Haftar', 'actor:khalifa-haftar']]);
    expect(found('Bani, Walid')).toEqual([]);
  });

  it('"IS" the group only in capitals, not before an article, not in shouted text', () => {
    expect(found('IS fighters attacked. The town is quiet. Is it? This IS a test.')).toEqual([
      ['IS', 'actor:islamic-state'],
    ]);
    expect(found('ISIS IS LOSING GROUND')).toEqual([['ISIS', 'actor:islamic-state']]);
  });

  it('"US" the country only in capitals; "U.S." too; "us" never', () => {
    expect(found('US jets struck; they told us. The U.S. embassy. Let us go.')).toEqual([
      ['US', 'actor:usa'],
      ['U.S', 'actor:usa'],
    ]);
    expect(found('US AFRICOM said')).toEqual([
      ['US', 'actor:usa'],
      ['AFRICOM', 'actor:africom'],
    ]);
    expect(found('LET US PRAY')).toEqual([]);
  });

  it('a name that is also a common word is only matched capitalised', () => {
    expect(found('a turkey dinner in Turkey')).toEqual([['Turkey', 'actor:turkey']]);
    expect(found('chad and Chad')).toEqual([['Chad', 'actor:chad']]);
  });

  it('a common word behind an article needs the article: "El Feel", not "feel"', () => {
    expect(found('I feel that El Feel and el-Feel reopened')).toEqual([
      ['El Feel', 'place:el-feel'],
      ['el-Feel', 'place:el-feel'],
    ]);
  });

  it('"Tripoli, Lebanon" is not the Libyan capital', () => {
    expect(found('clashes in Tripoli, Lebanon and in Tripoli, northern Lebanon')).toEqual([]);
    expect(found("Lebanon's Tripoli")).toEqual([]);
    expect(found('Tripoli, the Libyan capital')).toEqual([['Tripoli', 'place:tripoli']]);
  });

  it('matches Arabic script aliases', () => {
    expect(found('اشتباكات في طرابلس')).toEqual([['طرابلس', 'place:tripoli']]);
  });

  it('is not confused by words that are names of object properties', () => {
    expect(found("the constructor's toString and __proto__ hasOwnProperty’s valueOf in Tripoli")).toEqual([
      ['Tripoli', 'place:tripoli'],
    ]);
  });

  it('never matches inside a longer word', () => {
    expect(found('Lnaxyz Tripolitania ISISx')).toEqual([]);
  });

  it('reports aliases claimed by two entities, and settles them by rule', () => {
    const two = [actor('actor:a', 'A', ['Shared Name']), actor('actor:b', 'B', ['shared-name'])];
    expect(new Matcher({ entities: two }).conflicts).toEqual([{ key: 'shared name', entityIds: ['actor:a', 'actor:b'] }]);
    const ruled = new Matcher({
      entities: two,
      sharedAliases: [{ alias: 'Shared Name', winner: 'actor:b', others: ['actor:a'], why: 'test' }],
    });
    expect(ruled.conflicts).toEqual([]);
    expect(ruled.find('the Shared Name').map((m) => m.entityId)).toEqual(['actor:b']);
  });

  it("an entity's name does not bypass the rules of an alias spelled the same", () => {
    const chad = actor('actor:chad2', 'Chad', [{ text: 'Chad', case: 'exact', rejectAfter: ['^\\s+[A-Z][a-z]+'] }]);
    const m = new Matcher({ entities: [chad] });
    expect(m.find('Chad Smith said').length).toBe(0);
    expect(m.find('troops from Chad said').length).toBe(1);
  });

  it('rejects a malformed context rule with a clear error', () => {
    expect(() => new Matcher({ entities: [actor('actor:x', 'X', [{ text: 'Xy', rejectAfter: ['('] }])] })).toThrow(
      /Bad context rule "\(" on actor:x alias "Xy"/,
    );
  });

  it('keys aliases the way the text is read', () => {
    expect(keyOf('al-Watiya airbase')).toBe('watiya air base');
    expect(keyOf("Haftar's")).toBe('haftar');
  });
});

describe('Matcher built in slices', () => {
  it('builds a little at a time and then finds exactly what a matcher built at once finds', () => {
    const sliced = new Matcher({ entities: kb }, { deferred: true });
    expect(sliced.ready).toBe(false);
    let slices = 0;
    while (!sliced.build(() => false)) slices++;
    expect(slices).toBe(kb.length - 1);
    const text = 'Haftar’s LNA shelled Misurata; Turkish drones flew from Tripoli, not Tripoli, Lebanon.';
    expect(sliced.find(text)).toEqual(matcher.find(text));
  });

  it('a find() before the slices are done builds the rest at once', () => {
    const lazy = new Matcher({ entities: kb }, { deferred: true });
    lazy.build(() => false);
    expect(lazy.find('Watiya and Zawiya').map((m) => m.entityId)).toEqual(['place:watiya', 'place:zawiya']);
    expect(lazy.ready).toBe(true);
  });
});
