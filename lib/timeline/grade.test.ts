import type { AttributionStatement, ClipRecord } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { gradeClips, independentSources, outletsOf } from './grade';

const base = makeClip();
const LNA = { name: 'Libyan National Army', entityId: 'actor:libyan-national-army' };
const GNA = { name: 'Government of National Accord', entityId: 'actor:government-of-national-accord' };
const LNA_ACTOR = base.actor1!;
const GNA_ACTOR = { name: 'Military Forces of Libya (2014-) Government of National Accord', entityId: GNA.entityId, inter: 1 as const };

/** Texts of different reports of one strike (not copies of each other). */
const TEXTS = [
  'Drones struck Mitiga airport in Tripoli on Friday night, killing at least three civilians, officials said.',
  'The only working airport in the Libyan capital was shut after an air raid hit its runway late on Friday.',
  'Flights were diverted to Misrata after the overnight attack on Mitiga, the airport authority said on Saturday.',
];

let n = 0;
/** A report by `outlet`, text of its own, no dateline credit and no attribution unless told. */
function report(outlet: string, overrides: Partial<ClipRecord> = {}): ClipRecord {
  const text = TEXTS[n++ % TEXTS.length]!;
  return makeClip({
    text,
    article: { ...base.article, outlet, url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/libya/${n}` },
    selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: 'the capital. ', suffix: ' The' }],
    attribution: { perpetrator: 'unknown', statements: [], status: 'unknown' },
    ...overrides,
  });
}

const says = (stance: AttributionStatement['stance'], by: { name: string; entityId?: string }, about?: typeof by): AttributionStatement =>
  about ? { stance, by, about, cue: stance } : { stance, by, cue: stance };

describe('gradeClips', () => {
  it('weak: one source', () => {
    expect(gradeClips([report('Libya Observer')])).toEqual({ grade: 'weak', reason: 'Single source: Libya Observer' });
    // Two paragraphs of one article are still one source.
    expect(gradeClips([report('Libya Observer'), report('libya observer')]).grade).toBe('weak');
  });

  it('fair: two independent outlets, named in the reason', () => {
    expect(gradeClips([report('Reuters'), report('Al Jazeera')])).toEqual({
      grade: 'fair',
      reason: '2 independent sources: Reuters, Al Jazeera',
    });
  });

  it('counts wire copy once: identical or near-identical text', () => {
    const wire = report('Reuters');
    const same = report('Al Arabiya', { text: `${wire.text.toUpperCase()}  ` });
    expect(gradeClips([wire, same])).toEqual({ grade: 'weak', reason: 'Single source: Reuters (Al Arabiya repeats its copy)' });
    const trimmed = report('Asharq Al-Awsat', { text: `${wire.text} A spokesman could not be reached for comment.` });
    expect(gradeClips([wire, trimmed]).grade).toBe('weak');
    const own = report('Libya Herald', { text: TEXTS.find((t) => t !== wire.text)! });
    expect(gradeClips([wire, same, own]).reason).toBe(
      '2 independent sources: Reuters (Al Arabiya repeats its copy), Libya Herald',
    );
  });

  it('counts wire copy once: a dateline credit to the agency', () => {
    const credited = (outlet: string) => {
      const clip = report(outlet);
      return { ...clip, selectors: [{ type: 'TextQuoteSelector' as const, exact: clip.text, prefix: 'TRIPOLI, Libya (AFP) — ', suffix: '' }] };
    };
    const sources = independentSources([credited('France 24'), credited('Arab News'), report('AFP')]);
    expect(sources).toEqual([{ label: 'AFP', outlets: ['France 24', 'Arab News', 'AFP'] }]);
    expect(gradeClips([credited('France 24'), credited('Arab News')]).reason).toBe('Single source: AFP (France 24, Arab News repeat its copy)');
    // A credit inside the clip's own first words counts too; brackets that name no agency do not.
    const inText = report('The National', { text: `BENGHAZI (Reuters) - ${TEXTS[0]}` });
    expect(independentSources([inText, report('Reuters')])).toHaveLength(1);
    const notWire = report('The National', { text: `BENGHAZI (updated) - ${TEXTS[0]}` });
    expect(independentSources([notWire, report('Reuters')])).toHaveLength(2);
  });

  it('confirmed: an armed actor claimed it', () => {
    const claim = report('Reuters', { actor1: LNA_ACTOR, attribution: { perpetrator: 'named', statements: [says('claimed', LNA)], status: 'claimed' } });
    expect(gradeClips([claim, report('Al Jazeera')])).toEqual({
      grade: 'confirmed',
      reason: 'Libyan National Army claimed responsibility (Reuters)',
    });
  });

  it('confirmed by the knowledge base’s coding when the claimant is not among the clip’s actors', () => {
    const claim = report('Anadolu', {
      actor1: undefined,
      attribution: { perpetrator: 'named', statements: [says('claimed', { name: 'Bunyan al-Marsous', entityId: 'actor:bunyan-al-marsous' })], status: 'alleged' },
    });
    expect(gradeClips([claim]).grade).toBe('confirmed');
  });

  it('a claim by someone unarmed is no confirmation, unless the extraction called it claimed', () => {
    const residents = { name: 'residents' };
    const unarmed = report('Libya Observer', { attribution: { perpetrator: 'unknown', statements: [says('claimed', residents)], status: 'alleged' } });
    expect(gradeClips([unarmed]).grade).toBe('weak');
    const status = report('Libya Observer', { attribution: { perpetrator: 'unknown', statements: [says('claimed', residents)], status: 'claimed' } });
    expect(gradeClips([status])).toEqual({ grade: 'confirmed', reason: 'residents claimed responsibility (Libya Observer)' });
  });

  it('contested: a clip reports competing claims', () => {
    const clip = report('Example News', { attribution: base.attribution });
    expect(gradeClips([clip])).toEqual({
      grade: 'contested',
      reason: 'Competing claims: Government of National Accord blamed Libyan National Army (Example News); Libyan National Army denied it (Example News)',
    });
  });

  it('contested: two parties claim it in different reports, or one claims and another denies', () => {
    const lnaClaims = report('Reuters', { attribution: { perpetrator: 'named', statements: [says('claimed', LNA)], status: 'claimed' } });
    const gnaClaims = report('Anadolu', { attribution: { perpetrator: 'named', statements: [says('claimed', GNA)], status: 'claimed' } });
    expect(gradeClips([lnaClaims, gnaClaims])).toEqual({
      grade: 'contested',
      reason: 'Competing claims across sources: Libyan National Army claimed it (Reuters); Government of National Accord claimed it (Anadolu)',
    });
    const lnaDenies = report('Al Arabiya', { attribution: { perpetrator: 'unknown', statements: [says('denied', LNA)], status: 'denied' } });
    const gnaClaimsAlone = report('Anadolu', { attribution: { perpetrator: 'named', statements: [says('claimed', GNA)], status: 'claimed' } });
    expect(gradeClips([gnaClaimsAlone, lnaDenies]).grade).toBe('contested');
    // The claimant denying something else in another report is not a contest.
    const sameParty = report('Al Arabiya', { attribution: { perpetrator: 'unknown', statements: [says('denied', GNA)], status: 'denied' } });
    expect(gradeClips([gnaClaimsAlone, sameParty]).grade).toBe('confirmed');
  });

  it('contested: reports name different perpetrators', () => {
    const named = (outlet: string, actor1: ClipRecord['actor1']) =>
      report(outlet, { actor1, attribution: { perpetrator: 'named', statements: [], status: 'unknown' } });
    expect(gradeClips([named('Reuters', LNA_ACTOR), named('Al Jazeera', GNA_ACTOR)])).toEqual({
      grade: 'contested',
      reason: `Sources name different perpetrators: ${LNA_ACTOR.name} (Reuters); ${GNA_ACTOR.name} (Al Jazeera)`,
    });
    // The same perpetrator named twice, or a second report not naming one, is no contest.
    expect(gradeClips([named('Reuters', LNA_ACTOR), named('Al Jazeera', LNA_ACTOR)]).grade).toBe('fair');
    expect(gradeClips([named('Reuters', LNA_ACTOR), report('Al Jazeera', { actor1: GNA_ACTOR })]).grade).toBe('fair');
  });
});

describe('outletsOf', () => {
  it('lists outlets once in clip order, as first written', () => {
    expect(outletsOf([report('Reuters'), report('Libya Observer'), report('REUTERS')])).toEqual(['Reuters', 'Libya Observer']);
  });
});
