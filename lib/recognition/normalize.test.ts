import { foldDiacritics, tokenize } from './normalize';

const norms = (text: string) => tokenize(text).map((t) => (t.article ? `(${t.norm})` : t.norm));

describe('tokenize', () => {
  it('lower-cases, folds diacritics and keeps offsets into the original text', () => {
    const text = 'Mişrātah and ZAWIYA';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['misratah', 'and', 'zawiya']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Mişrātah', 'and', 'ZAWIYA']);
    expect(tokens[2]!.letters).toBe('ZAWIYA');
  });

  it('treats apostrophes inside transliterations as part of the word, straight or curly', () => {
    expect(norms("Ma'iteeq Ma’iteeq Maʿiteeq")).toEqual(['maiteeq', 'maiteeq', 'maiteeq']);
  });

  it("drops possessives and keeps them out of the token's span", () => {
    const text = "Haftar's men and Haftar’s allies; the forces' base";
    const tokens = tokenize(text);
    expect(tokens[0]!.norm).toBe('haftar');
    expect(text.slice(tokens[0]!.start, tokens[0]!.end)).toBe('Haftar');
    expect(tokens.map((t) => t.norm)).toContain('forces');
  });

  it('splits hyphenated and run-together words', () => {
    expect(norms('Bani-Walid KhalifaHaftar iPhone')).toEqual(['bani', 'walid', 'khalifa', 'haftar', 'iphone']);
  });

  it('flags Arabic articles: al/el always, sun-letter forms only when hyphenated', () => {
    expect(norms('al-Watiya Al Jufra El-Feel as-Sidra Az-Zawiya')).toEqual([
      '(al)', 'watiya', '(al)', 'jufra', '(el)', 'feel', '(as)', 'sidra', '(az)', 'zawiya',
    ]);
    // English "as" / "at" / "an" are words, not articles.
    expect(norms('as Sidra burned at dawn')).toEqual(['as', 'sidra', 'burned', 'at', 'dawn']);
    // "Es Sider" is written unhyphenated as often as not.
    expect(norms('Es Sider')).toEqual(['(es)', 'sider']);
  });

  it('handles Arabic script', () => {
    expect(norms('قوات حفتر في مصراتة')).toEqual(['قوات', 'حفتر', 'في', 'مصراتة']);
  });

  it('folds combining marks', () => {
    expect(foldDiacritics('Ṭarābulus Bayḍāʾ')).toBe('Tarabulus Baydaʾ');
  });
});

describe('tokenize: names with symbols', () => {
  it('keeps "5+5" together, but a plus between words separates them', () => {
    expect(norms('the 5+5 committee, 6+6 and A+B')).toEqual(['the', '5+5', 'committee', '6+6', 'and', 'a', 'b']);
  });
});
