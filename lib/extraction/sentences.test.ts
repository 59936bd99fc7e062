import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits at full stops but not after abbreviations, initials or times', () => {
    const text = 'U.S. forces struck at 3 a.m. on Friday. Gen. Haftar said so. The U.N. Security Council met! Was it true? Yes.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'U.S. forces struck at 3 a.m. on Friday.',
      'Gen. Haftar said so.',
      'The U.N. Security Council met!',
      'Was it true?',
      'Yes.',
    ]);
  });

  it('keeps offsets into the paragraph', () => {
    const text = '  First one.  Second one. ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
