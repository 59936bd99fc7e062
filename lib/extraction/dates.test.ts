import { describe, expect, it } from 'vitest';
import { resolveEventDate } from './dates';
import type { EventDateMethod, IsoDay, TimePrecision } from './types';

/** A clip day well after every publication below, so that a result equal to it can only be the fallback. */
const CLIP_DAY = '2024-05-01';

interface Row {
  name: string;
  text: string;
  published: IsoDay | undefined;
  day: IsoDay;
  precision: TimePrecision;
  method?: EventDateMethod;
  /** The phrase as written; checked when given. */
  expression?: string;
}

// Weekdays of the publication days are in the names, so that a reader can check them without a calendar.
const ROWS: Row[] = [
  // ---------------------------------------------------------------- days relative to publication
  {
    name: 'yesterday (pub Wed 2019-07-03)',
    text: 'Yesterday, LNA warplanes struck a migrant detention centre in Tajoura, killing at least 44 people.',
    published: '2019-07-03', day: '2019-07-02', precision: 1, expression: 'Yesterday',
  },
  {
    name: 'this morning is the publication day',
    text: 'GNA officials said this morning that shelling had stopped around Ain Zara.',
    published: '2019-07-05', day: '2019-07-05', precision: 1, method: 'expression', expression: 'this morning',
  },
  {
    name: 'tonight is the publication day',
    text: 'The Presidential Council has imposed a curfew in Zawiya from tonight after a week of militia clashes.',
    published: '2020-05-18', day: '2020-05-18', precision: 1, method: 'expression', expression: 'tonight',
  },
  {
    name: 'last night is the day before publication',
    text: "Heavy gunfire was heard in Tripoli's southern suburbs last night, residents said.",
    published: '2019-04-08', day: '2019-04-07', precision: 1, expression: 'last night',
  },
  {
    name: 'overnight is the night before publication, dated by its evening',
    text: 'Two Grad rockets hit the Abu Salim district overnight, killing a woman and her child.',
    published: '2019-04-08', day: '2019-04-07', precision: 1, expression: 'overnight',
  },
  {
    name: 'yesterday stays past in a future clause',
    text: "The GNA vowed it will avenge yesterday's drone strike on the Air Force College in Tripoli.",
    published: '2020-01-05', day: '2020-01-04', precision: 1, expression: 'yesterday',
  },
  {
    name: 'two days ago',
    text: 'Two days ago, a convoy of the Tarhuna-based Kaniyat militia was ambushed near Gharyan.',
    published: '2019-06-27', day: '2019-06-25', precision: 1, expression: 'Two days ago',
  },
  {
    name: 'a week ago: the week is known, precision 2',
    text: 'A week ago, GNA forces retook the coastal towns of Sabratha and Surman.',
    published: '2020-04-20', day: '2020-04-13', precision: 2, expression: 'A week ago',
  },
  {
    name: 'three weeks ago',
    text: 'Three weeks ago, Turkish-made drones destroyed a Pantsir air defence system at al-Watiya air base.',
    published: '2020-06-20', day: '2020-05-30', precision: 2,
  },
  {
    name: 'four months ago: mid-month, precision 3',
    text: "Haftar's forces entered Sirte four months ago after a local brigade switched sides.",
    published: '2020-05-06', day: '2020-01-15', precision: 3, expression: 'four months ago',
  },

  // ---------------------------------------------------------------- weekdays
  {
    name: 'on Saturday night (pub Mon)',
    text: 'Forces loyal to Khalifa Haftar shelled Mitiga airport on Saturday night, the GNA said.',
    published: '2019-09-02', day: '2019-08-31', precision: 1, expression: 'on Saturday night',
  },
  {
    name: 'weekday equal to the publication weekday is the publication day (Mon)',
    text: 'Dozens of Islamist fighters stormed the Tunisian border town of Ben Guerdan on Monday, attacking army and police posts.',
    published: '2016-03-07', day: '2016-03-07', precision: 1, method: 'expression', expression: 'on Monday',
  },
  {
    name: 'curly apostrophe: Tuesday’s attack (pub Thu)',
    text: 'Tuesday’s attack on the Corinthia hotel in Tripoli left ten people dead, including five foreigners.',
    published: '2015-01-29', day: '2015-01-27', precision: 1, expression: 'Tuesday’s',
  },
  {
    name: 'straight apostrophe: Tuesday\'s attack',
    text: "Tuesday's attack on the Corinthia hotel was claimed by a group calling itself Islamic State.",
    published: '2015-01-29', day: '2015-01-27', precision: 1, expression: "Tuesday's",
  },
  {
    name: 'late on Friday (pub Sat)',
    text: 'Protesters stormed the parliament building in Tobruk late on Friday, setting parts of it on fire.',
    published: '2022-07-02', day: '2022-07-01', precision: 1, expression: 'late on Friday',
  },
  {
    name: 'early Sunday (pub Mon)',
    text: "A car bomb exploded early Sunday near the headquarters of the Special Deterrence Force at Mitiga.",
    published: '2019-04-08', day: '2019-04-07', precision: 1, expression: 'early Sunday',
  },
  {
    name: 'Monday night without "on" (pub Tue)',
    text: 'Clashes between the 444 Brigade and the Radaa force broke out Monday night in Tripoli.',
    published: '2023-08-15', day: '2023-08-14', precision: 1, expression: 'Monday night',
  },
  {
    name: 'last Friday on a Friday is a week before',
    text: 'The UN envoy Ghassan Salamé briefed the Security Council on the Tajoura strike last Friday.',
    published: '2019-07-05', day: '2019-06-28', precision: 1, expression: 'last Friday',
  },
  {
    name: 'lower case',
    text: 'the lna said its jets hit turkish positions at al-watiya air base on wednesday.',
    published: '2020-05-18', day: '2020-05-13', precision: 1, expression: 'on wednesday',
  },
  {
    name: 'upper case',
    text: 'GNA FORCES ENTERED TARHUNA ON FRIDAY AFTER THE LNA WITHDREW TOWARDS BANI WALID',
    published: '2020-06-06', day: '2020-06-05', precision: 1, expression: 'ON FRIDAY',
  },
  {
    name: 'no-break space inside the expression',
    text: 'Turkish drones struck an LNA supply convoy near al-Watiya on\u00a0Tuesday, a GNA spokesman said.',
    published: '2020-05-18', day: '2020-05-12', precision: 1, expression: 'on\u00a0Tuesday',
  },
  {
    name: '"said ... it would" reports the past: the weekday is past',
    text: 'The LNA said on Sunday it would observe a ceasefire brokered by Russia and Turkey.',
    published: '2020-01-13', day: '2020-01-12', precision: 1, expression: 'on Sunday',
  },
  {
    name: '"an overnight curfew" is not a time expression',
    text: 'The GNA imposed an overnight curfew in Tripoli on Sunday to slow the spread of the virus.',
    published: '2020-03-23', day: '2020-03-22', precision: 1, expression: 'on Sunday',
  },

  // ---------------------------------------------------------------- the future
  {
    name: 'will meet on Friday: the next Friday',
    text: 'The House of Representatives will meet in Sirte on Friday to vote on the unity government.',
    published: '2021-03-01', day: '2021-03-05', precision: 1, expression: 'on Friday',
  },
  {
    name: 'future weekday equal to the publication weekday is a week later',
    text: 'The House of Representatives will convene in Sirte on Monday for a confidence vote.',
    published: '2021-03-08', day: '2021-03-15', precision: 1,
  },
  {
    name: 'is due to open on Sunday',
    text: 'The Berlin conference on Libya is due to open on Sunday, with Haftar and Sarraj expected to attend.',
    published: '2020-01-17', day: '2020-01-19', precision: 1, expression: 'on Sunday',
  },
  {
    name: 'next Friday',
    text: 'Delegates of the 5+5 joint military commission meet next Friday in Geneva.',
    published: '2020-10-16', day: '2020-10-23', precision: 1, expression: 'next Friday',
  },
  {
    name: 'a clause-initial weekday takes the tense of its clause',
    text: 'On Monday, the UN Security Council is expected to vote on extending the arms embargo mission.',
    published: '2020-06-03', day: '2020-06-08', precision: 1, expression: 'On Monday',
  },
  {
    name: 'scheduled for December 24: month-day in the future',
    text: 'Presidential elections are scheduled for December 24, the electoral commission said.',
    published: '2021-09-20', day: '2021-12-24', precision: 1, expression: 'December 24',
  },
  {
    name: 'a past expression beats an earlier future one',
    text: 'Talks are due to resume in Geneva on Monday, the UN mission said on Friday.',
    published: '2020-02-22', day: '2020-02-21', precision: 1, expression: 'on Friday',
  },

  // ---------------------------------------------------------------- calendar dates
  {
    name: 'on May 25 without a year',
    text: 'A boat carrying more than 560 migrants capsized off the Libyan coast on May 25, the Italian navy said.',
    published: '2016-05-26', day: '2016-05-25', precision: 1, expression: 'on May 25',
  },
  {
    name: 'May 26 without "on"',
    text: 'Egyptian jets struck militant camps in Derna. The strikes, which began May 26, continued for two days.',
    published: '2017-06-01', day: '2017-05-26', precision: 1, expression: 'May 26',
  },
  {
    name: '26 May 2017',
    text: 'Egyptian jets struck targets in Derna on 26 May 2017, hours after gunmen killed Coptic Christians in Minya.',
    published: '2017-06-15', day: '2017-05-26', precision: 1, expression: 'on 26 May 2017',
  },
  {
    name: 'May 26, 2017',
    text: 'On May 26, 2017, Egyptian warplanes bombed what Cairo called militant training camps near Derna.',
    published: '2017-05-27', day: '2017-05-26', precision: 1, expression: 'On May 26, 2017',
  },
  {
    name: 'the 26th of May',
    text: 'The Misrata brigades reached the western outskirts of Sirte on the 26th of May.',
    published: '2016-06-10', day: '2016-05-26', precision: 1, expression: 'on the 26th of May',
  },
  {
    name: 'ISO date',
    text: "The UN panel's incident log dated 2017-05-26 records six strikes on Derna.",
    published: '2017-07-01', day: '2017-05-26', precision: 1, expression: '2017-05-26',
  },
  {
    name: 'year boundary: December 30 in a January article',
    text: 'Turkish military advisers began arriving in Tripoli on December 30, a GNA official said.',
    published: '2020-01-02', day: '2019-12-30', precision: 1, expression: 'on December 30',
  },
  {
    name: 'leap day in the same year',
    text: 'An LNA drone hit a fuel depot at Mitiga airport on February 29, the GNA said.',
    published: '2020-03-02', day: '2020-02-29', precision: 1,
  },
  {
    name: 'leap day a year later goes back to the last 29 February',
    text: 'Families of those killed at the Mitiga fuel depot on 29 February still await compensation.',
    published: '2021-03-01', day: '2020-02-29', precision: 1, expression: 'on 29 February',
  },
  {
    name: 'on the night of 3–4 April: the night begins on the 3rd',
    text: 'Clashes erupted on the night of 3–4 April near Gharyan as LNA columns moved north.',
    published: '2019-04-10', day: '2019-04-03', precision: 1, expression: 'on the night of 3–4 April',
  },
  {
    name: 'on the night of April 3',
    text: 'Fighting broke out on the night of April 3 around Gharyan, as the LNA began its push on Tripoli.',
    published: '2019-04-10', day: '2019-04-03', precision: 1, expression: 'on the night of April 3',
  },
  {
    name: 'weekday and date together read as one',
    text: 'In a statement on Thursday, August 17, AU chairperson Moussa Faki called on the parties to end the hostility.',
    published: '2023-08-18', day: '2023-08-17', precision: 1, expression: 'on Thursday, August 17',
  },
  {
    name: '"may" the verb is not May the month',
    text: 'As many as 40 may have died when the boat capsized, the IOM said on Wednesday.',
    published: '2016-05-26', day: '2016-05-25', precision: 1, expression: 'on Wednesday',
  },
  {
    name: 'Theresa May is not a month',
    text: 'Theresa May told MPs on Tuesday that Britain would support the UN-backed government in Tripoli.',
    published: '2017-06-22', day: '2017-06-20', precision: 1, expression: 'on Tuesday',
  },

  // ---------------------------------------------------------------- weeks and weekends
  {
    name: 'year boundary: last week is the Monday-Sunday week before, dated Thursday',
    text: "Haftar's forces tightened the siege of Misrata last week after seizing the coast road.",
    published: '2020-01-08', day: '2020-01-02', precision: 2, expression: 'last week',
  },
  {
    name: 'this week: the middle of the part already past',
    text: "Brigades largely composed of fighters from Misrata advanced this week to the perimeter of Sirte's city centre.",
    published: '2016-06-10', day: '2016-06-08', precision: 2, expression: 'this week',
  },
  {
    name: 'earlier this week: Monday to the day before publication',
    text: 'Earlier this week, the brigades reached Harawa, a town about 70 km east of Sirte.',
    published: '2016-06-10', day: '2016-06-07', precision: 2, expression: 'Earlier this week',
  },
  {
    name: 'last weekend: the Saturday of the weekend just ended',
    text: "Militias clashed in Tripoli's Souq al-Juma district last weekend, killing two civilians.",
    published: '2023-09-12', day: '2023-09-09', precision: 2, expression: 'last weekend',
  },
  {
    name: 'over the weekend (pub Mon)',
    text: 'LNA jets carried out at least six strikes on Tripoli over the weekend, the GNA health ministry said.',
    published: '2019-04-08', day: '2019-04-06', precision: 2, expression: 'over the weekend',
  },

  // ---------------------------------------------------------------- months
  {
    name: 'last June: the June before the month of publication',
    text: 'Last June, a U.S. air strike near Ajdabiya targeted the Algerian militant Mokhtar Belmokhtar.',
    published: '2016-02-19', day: '2015-06-15', precision: 3, expression: 'Last June',
  },
  {
    name: 'in June: mid-month',
    text: 'The GNA retook Tarhuna in June after a fourteen-month siege of the capital.',
    published: '2020-09-10', day: '2020-06-15', precision: 3, expression: 'in June',
  },
  {
    name: 'in June 2019, far back but introduced by no background cue',
    text: "Haftar's forces lost Gharyan in June 2019, their main supply base south of Tripoli.",
    published: '2020-01-20', day: '2019-06-15', precision: 3, expression: 'in June 2019',
  },
  {
    name: 'in early May: first day; "since" does not make a recent date background',
    text: 'More than 100 fighters have been killed since the campaign to recapture Sirte began in early May.',
    published: '2016-06-10', day: '2016-05-01', precision: 3, expression: 'in early May',
  },
  {
    name: 'late last month: the last day (leap year)',
    text: 'Late last month, Islamic State fighters briefly occupied the western city of Sabratha.',
    published: '2016-03-07', day: '2016-02-29', precision: 3, expression: 'Late last month',
  },
  {
    name: 'last month: mid-month',
    text: 'The eastern NOC tried to export its first cargo of crude last month through the port of Hariga.',
    published: '2016-04-27', day: '2016-03-15', precision: 3, expression: 'last month',
  },
  {
    name: 'earlier this month: the 15th when it is already past',
    text: 'Earlier this month, GNA forces retook the al-Watiya air base from the LNA.',
    published: '2020-05-25', day: '2020-05-15', precision: 3, expression: 'Earlier this month',
  },
  {
    name: 'earlier this month on the 6th: never after publication',
    text: 'Earlier this month, GNA forces entered Tarhuna, the last LNA stronghold in the west.',
    published: '2020-06-06', day: '2020-06-03', precision: 3, expression: 'Earlier this month',
  },

  // ---------------------------------------------------------------- several expressions
  {
    name: 'the earliest expression wins over a later one',
    text: 'An air strike hit the Tajoura detention centre late on Tuesday, the UN said today.',
    published: '2019-07-03', day: '2019-07-02', precision: 1, expression: 'late on Tuesday',
  },
  {
    name: 'a later day inside the earlier month wins',
    text: 'Earlier this month, on 3 June, Turkish drones struck LNA positions at al-Watiya.',
    published: '2020-06-20', day: '2020-06-03', precision: 1, expression: 'on 3 June',
  },
  {
    name: 'a later day outside the earlier month does not',
    text: "Clashes erupted around Tripoli's airport last month, and on Friday the LNA shelled it again.",
    published: '2019-09-09', day: '2019-08-15', precision: 3, expression: 'last month',
  },
  {
    name: '"the day before" is not read; the weekday is',
    text: 'On Friday the LNA claimed the strike; the day before, Turkish drones had hit its positions near Tarhuna.',
    published: '2020-05-18', day: '2020-05-15', precision: 1, expression: 'On Friday',
  },

  // ---------------------------------------------------------------- background dates
  {
    name: 'toppled in October 2011 is background',
    text: 'Libya has been in turmoil since Muammar Gaddafi was toppled in October 2011, and on Monday rival militias clashed again in Tripoli.',
    published: '2019-09-03', day: '2019-09-02', precision: 1, expression: 'on Monday',
  },
  {
    name: 'since May 2014 alone: publication day',
    text: 'Haftar, who has fought the Tripoli authorities since May 2014, denies targeting civilians.',
    published: '2019-07-05', day: '2019-07-05', precision: 1, method: 'publication',
  },
  {
    name: 'years alone never date the event',
    text: 'The country has been split between rival governments since 2014, and the 2019 offensive on Tripoli deepened the divide.',
    published: '2020-06-26', day: '2020-06-26', precision: 1, method: 'publication',
  },
  {
    name: 'back in March 2011 is background',
    text: "Back in March 2011, French jets struck Gaddafi's armour outside Benghazi.",
    published: '2019-07-29', day: '2019-07-29', precision: 1, method: 'publication',
  },
  {
    name: 'an old date gives way to a recent one',
    text: 'In April 2019, Haftar launched an offensive on Tripoli; on Friday his forces withdrew from Tarhuna.',
    published: '2020-06-08', day: '2020-06-05', precision: 1, expression: 'on Friday',
  },
  {
    name: 'an old date with no cue and nothing recent is the event',
    text: 'On 31 October 2011, NATO formally ended its air campaign over Libya.',
    published: '2019-07-29', day: '2011-10-31', precision: 1, expression: 'On 31 October 2011',
  },
  {
    name: 'the April 2019 offensive is background',
    text: 'Hospitals in Tripoli have treated thousands of wounded since the April 2019 offensive began.',
    published: '2020-06-26', day: '2020-06-26', precision: 1, method: 'publication',
  },

  // ---------------------------------------------------------------- no expression, no publication day
  {
    name: 'no expression: publication day',
    text: 'Forces loyal to the Government of National Accord said they had repelled an attack near Ain Zara.',
    published: '2019-05-10', day: '2019-05-10', precision: 1, method: 'publication',
  },
  {
    name: '"the previous day" is not read',
    text: "The GNA said the previous day's shelling of Abu Salim killed three civilians.",
    published: '2019-05-10', day: '2019-05-10', precision: 1, method: 'publication',
  },
  {
    name: 'no publication day, no expression: clip day',
    text: 'Armed men abducted the mayor of Derna from his home, according to local officials.',
    published: undefined, day: CLIP_DAY, precision: 1, method: 'clip-day',
  },
  {
    name: 'no publication day: the expression is read against the clip day (Wed)',
    text: 'Militias clashed in Zawiya on Friday, residents said.',
    published: undefined, day: '2024-04-26', precision: 1, method: 'expression', expression: 'on Friday',
  },
];

describe('resolveEventDate', () => {
  it('has a table of realistic cases', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(45);
  });

  it.each(ROWS)('$name', ({ text, published, day, precision, method, expression }) => {
    const result = resolveEventDate(text, { published, clipDay: CLIP_DAY });
    expect({ day: result.day, precision: result.precision }).toEqual({ day, precision });
    expect(result.method).toBe(method ?? 'expression');
    expect(result.reference).toBe(published ?? CLIP_DAY);
    if (expression !== undefined) expect(result.expression).toBe(expression);
    if (result.method === 'expression') {
      expect(text.slice(result.start, result.end)).toBe(result.expression);
    } else {
      expect(result.expression).toBeUndefined();
      expect(result.start).toBeUndefined();
    }
  });

  it('gives offsets into the text as written, not as normalised', () => {
    const text = '“We were hit again,” a resident of Ain Zara said of Tuesday’s shelling.';
    const result = resolveEventDate(text, { published: '2019-05-10', clipDay: CLIP_DAY });
    expect(result).toEqual({
      day: '2019-05-07',
      precision: 1,
      method: 'expression',
      expression: 'Tuesday’s',
      start: text.indexOf('Tuesday’s'),
      end: text.indexOf('Tuesday’s') + 'Tuesday’s'.length,
      reference: '2019-05-10',
    });
  });

  it('ignores a publication day that is not a calendar day', () => {
    expect(resolveEventDate('Clashes broke out in Tripoli.', { published: '2019-02-29', clipDay: CLIP_DAY })).toEqual({
      day: CLIP_DAY,
      precision: 1,
      method: 'clip-day',
      reference: CLIP_DAY,
    });
  });

  it('gives every weekday of a week its own day (pub Wed 2019-07-03)', () => {
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
      (wd) => resolveEventDate(`Militias clashed on ${wd}.`, { published: '2019-07-03', clipDay: CLIP_DAY }).day,
    );
    expect(days).toEqual(['2019-07-01', '2019-07-02', '2019-07-03', '2019-06-27', '2019-06-28', '2019-06-29', '2019-06-30']);
  });
});
