import fc from 'fast-check';
import { entities, sharedAliases } from '../kb';
import { aliasText } from './aliases';
import { Matcher } from './matcher';

/**
 * The scan skips words that cannot start a name without tokenising them. Whatever the text, that must
 * find exactly what sending every word through the full tokeniser finds.
 */
const fast = new Matcher({ entities, sharedAliases });
const reference = new Matcher({ entities, sharedAliases }, { noShortcuts: true });

const aliasWords = entities
  .flatMap((e) => e.aliases.map(aliasText))
  .filter((_, i) => i % 7 === 0);
const pieces = fc.oneof(
  fc.constantFrom(...aliasWords),
  fc.constantFrom(...aliasWords).map((a) => a.toLowerCase()),
  fc.constantFrom(...aliasWords).map((a) => a.toUpperCase()),
  fc.constantFrom('is', 'IS', 'Is', 'us', 'US', 'at', 'turkey', 'Turkey', 'national', 'forces', 'the', 'al', 'al-', 'El',
    'airbase', 'air base', "'s", 'Libyan capital', 'Lebanon', 'KhalifaHaftar', '5+5', 'Tripoli,'),
  fc.constantFrom(' ', ' ', ', ', '. ', '-', '’s ', '\n', ' (', ') '),
  fc.string({ maxLength: 6 }),
);

describe('Matcher scan shortcuts', () => {
  it('find the same names as the full path on any text', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        expect(fast.find(text)).toEqual(reference.find(text));
      }),
      { numRuns: 400 },
    );
  });
});
