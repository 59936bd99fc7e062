import { countFatalities } from './fatalities';

/** The lowest credible number killed (ACLED), and the words it came from. */

const ROWS: [text: string, count: number, phrase?: RegExp][] = [
  // Numbers and number words.
  ['At least 12 people were killed and 30 wounded.', 12, /^At least 12 people were killed$/],
  ['The strike killed five civilians and wounded 12.', 5, /^killed five civilians$/],
  ['Twenty-five migrants were killed.', 25],
  ['The raid killed 2,150 people.', 2150],
  ['Eleven brigade members were killed on Friday.', 11],
  ['One soldier was killed.', 1],
  ['A man was killed and two were wounded.', 1],
  // Ranges and hedges: the lower end.
  ['Between 10 and 15 fighters were reported dead.', 10],
  ['The attack left 15 to 20 people dead.', 15],
  ['More than 100 fighters have been killed in the offensive.', 100],
  ['The strikes killed as many as 40 people.', 40],
  // ACLED's values for vague quantities.
  ['A dozen soldiers died.', 12],
  ['Dozens were killed in the shelling.', 12],
  ['Several civilians were killed.', 3],
  ['Hundreds died in the fighting.', 100],
  ['Scores of people were killed.', 20],
  // Groups add up when they are clearly distinct.
  ['Three soldiers and two civilians were killed.', 5],
  ['Two children and a woman were killed.', 3],
  ['The shelling killed a woman and her two daughters.', 3],
  ['At least seven civilians were killed along with ten soldiers.', 17],
  // …but a subset is not added to its total.
  ['At least 12 people, including five children, were killed.', 12, /^At least 12 people, including five children, were killed$/],
  ['The strike killed four civilians, including two children.', 4],
  // Two reports of one toll: the lower one.
  ['Warplanes struck, killing 40 people. The mayor said 41 people had been killed.', 40],
  // One person by name or title.
  ['Mahmoud Hamza was shot dead on Tuesday.', 1],
  ['The mayor of Derna was killed on Friday.', 1],
  ['Gunmen stormed the council, killing the head of the municipality.', 1],
  // A toll.
  ['The death toll rose to 20 on Sunday.', 20],
  // Not the wounded.
  ['Thirty-five people were wounded and 11 killed.', 11],
  ['Six people were injured in the blast.', 0],
  // Not background deaths.
  ['Gaddafi was killed in 2011.', 0],
  ['More than 100 fighters have been killed since the campaign began in May.', 0],
  ['The group carried out attacks last year which killed dozens of tourists.', 0],
  ['On 5 May three soldiers were killed 5 km from Sirte.', 3],
  // Unstated, or said to be none.
  ['Clashes erupted in Zawiya on Friday.', 0],
  ['No one was killed in the attack.', 0, /^No one was killed$/],
];

describe('countFatalities', () => {
  it.each(ROWS)('%s → %i', (text, count, phrase) => {
    const f = countFatalities(text);
    expect(f.count).toBe(count);
    if (phrase) expect(f.text).toMatch(phrase);
    if (count > 0) expect(text).toContain(f.text!.split('; ')[0]);
  });

  it('leaves the text out when nothing is said about deaths', () => {
    expect(countFatalities('Talks resumed in Geneva.')).toEqual({ count: 0 });
  });
});

describe('precision on real reporting: tolls that are not one event', () => {
  it.each([
    ['Those attacks killed 2,150 people, a 44 percent rise on the previous quarter.', 0],
    ['There were 891 attacks in the first quarter, which killed more than 2,000 people.', 0],
    ['The death toll in the first week of the uprising was at least 230.', 0],
    // An injury figure after "and" is not added to the dead.
    ['The fighting caused 170 deaths and 1,500 injuries.', 170],
    // An event's own toll still counts.
    ['The death toll from Friday’s air strike rose to 14.', 14],
  ] as [string, number][])('%s → %i', (text, count) => {
    expect(countFatalities(text).count).toBe(count);
  });
});
