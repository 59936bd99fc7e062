import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION } from './backup-format';
import { endsEarly, parseBackup, readBackup, validateClips } from './backup';

const NOW = new Date('2025-06-01T12:00:00.000Z');

/** A backup as lib/export/json.ts writes it (built here so these tests do not depend on the writer). */
function backup(clips: unknown[], wrapper: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      format: BACKUP_FORMAT,
      schemaVersion: BACKUP_SCHEMA_VERSION,
      exportedAt: '2025-05-30T08:00:00.000Z',
      generator: 'Libya Lens 0.1.0',
      count: clips.length,
      clips,
      ...wrapper,
    },
    null,
    2,
  );
}

const parse = (text: string) => parseBackup(text, { now: NOW });

function errorOf(text: string): string {
  const result = parse(text);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
}

/** A three-clip backup whose second clip (a real clipId) is changed by `change`. */
function withSecondClip(change: (clip: Record<string, unknown>) => void): string {
  const clip = makeClip({ id: 'clip-3fa4b2c9d8e7f601' }) as unknown as Record<string, unknown>;
  change(clip);
  return backup([makeClip(), clip, makeClip()]);
}

const place = 'Clip 2 (clip-3fa4b2c…)';
const TAMPERED = 'contains markup that Libya Lens never writes; the file may have been tampered with.';

/** A set of varied, valid records: edited, regrouped, a selection, NER entities without coordinates. */
function variedClips(): ClipRecord[] {
  const base = makeClip();
  return [
    base,
    makeClip({
      id: 'clip-a1b2c3d4e5f60718',
      selection: 'Drones struck Mitiga airport',
      eventGroup: 'group-clip-a1b2c3d4e5f60718',
      actor1: undefined,
      location: undefined,
      edits: {
        fields: ['actor1', 'location'],
        editedAt: '2025-01-02T03:04:05.000Z',
        original: { actor1: base.actor1, location: null },
      },
      entities: [{ id: 'ner:organization:tripoli-protection-force', name: 'Tripoli Protection Force', kind: 'actor', category: 'organization', source: 'ner', mentions: 2 }],
    }),
    makeClip({
      eventGroup: 'solo:clip-000123',
      method: 'context-menu',
      eventDate: { day: '2011-02-17', precision: 3, method: 'publication', reference: '2011-02-20' },
      fatalities: { count: 0 },
      attribution: { perpetrator: 'unidentified', statements: [], status: 'unknown' },
    }),
  ];
}

describe('parseBackup: a valid file', () => {
  it('reads back every field of every clip', () => {
    const clips = variedClips();
    const result = parse(backup(clips));
    expect(result).toStrictEqual({ ok: true, clips, schemaVersion: 1 });
  });

  it('reads an empty backup, and one saved with a byte-order mark', () => {
    expect(parse(backup([]))).toStrictEqual({ ok: true, clips: [], schemaVersion: 1 });
    const clip = makeClip();
    expect(parse(`\uFEFF${backup([clip])}`)).toStrictEqual({ ok: true, clips: [clip], schemaVersion: 1 });
  });

  it('accepts prose that merely looks like a URL scheme or an attribute', () => {
    const text = 'According to UN data: 300 people were displaced; turnout in the online vote (online=40%) was low.';
    const result = parse(backup([makeClip({ text })]));
    expect(result.ok && result.clips[0]?.text).toBe(text);
  });

  it('keeps only the known fields: extras and prototype keys never reach the records', () => {
    const clip = makeClip();
    const text = backup([clip]).replace(
      '"id":',
      '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "extra": "x", "id":',
    ).replace('"url":', '"__proto__": {"isAdmin": true}, "url":');
    expect(text).toContain('"__proto__"');
    const result = parse(text);
    expect(result).toStrictEqual({ ok: true, clips: [clip], schemaVersion: 1 });
    if (!result.ok) return;
    const read = result.clips[0]!;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(read.article)).toBe(Object.prototype);
    expect(Object.keys(read)).not.toContain('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((read.article as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('returns fresh objects, not the parsed ones', () => {
    const clip = makeClip();
    const result = validateClips([clip], { now: NOW });
    expect(result.ok && result.clips[0]).not.toBe(clip);
    expect(result.ok && result.clips[0]?.article).not.toBe(clip.article);
  });
});

describe('readBackup: the wrapper alone, for the popup that hands the records to the worker', () => {
  it('checks the wrapper as parseBackup does, and passes the records on unchecked', () => {
    const bad = { ...makeClip(), text: 'Forces advanced <script>alert(1)</script> on the town.' };
    const text = backup([bad]);
    expect(readBackup(text)).toStrictEqual({ ok: true, records: [bad], schemaVersion: 1 });
    expect(parse(text)).toMatchObject({ ok: false, error: expect.stringContaining('tampered') });
    expect(readBackup('{"format":"other"}')).toStrictEqual(parseBackup('{"format":"other"}'));
    expect(readBackup(backup([makeClip()], { count: 2 })).ok).toBe(false);
  });
});

describe('parseBackup: files that are not (whole) backups', () => {
  it('refuses an empty file', () => {
    expect(errorOf('')).toBe('The file is empty.');
    expect(errorOf(' \n\t')).toBe('The file is empty.');
  });

  it('refuses text that is not JSON', () => {
    expect(errorOf('date,event_type\n2019-04-05,Battles')).toMatch(/^The file is not valid JSON/);
    expect(errorOf('{"format": "libya-lens/clips",, }')).toMatch(/^The file is not valid JSON/);
  });

  it('tells a file cut off while downloading', () => {
    const whole = backup(variedClips());
    for (const end of [1, Math.floor(whole.length / 3), whole.length - 2]) {
      expect(errorOf(whole.slice(0, end))).toBe('The file ends early: it may have been cut off while downloading.');
    }
    expect(endsEarly('{"a": "b\\"')).toBe(true);
    expect(endsEarly('{"a": "[{"}')).toBe(false);
  });

  it('refuses JSON of another format', () => {
    for (const text of ['{}', '[]', '42', 'null', '{"format": "zotero/items", "clips": []}', JSON.stringify([makeClip()])]) {
      expect(errorOf(text)).toBe(
        'This is not a Libya Lens backup: it lacks the "format": "libya-lens/clips" marker its backups start with.',
      );
    }
  });

  it('asks for an update for a backup of a newer version', () => {
    expect(errorOf(backup([], { schemaVersion: 2 }))).toBe(
      'This backup was made by a newer version of Libya Lens (backup format 2; this one reads up to 1): update Libya Lens, then import it again.',
    );
  });

  it('refuses a version that does not exist or is not stated', () => {
    expect(errorOf(backup([], { schemaVersion: 0 }))).toBe(
      'This backup uses format version 0, which no version of Libya Lens wrote.',
    );
    for (const schemaVersion of ['1', 1.5, -1, null]) {
      expect(errorOf(backup([], { schemaVersion }))).toBe(
        'This backup does not say which version of the format it uses, so Libya Lens cannot read it safely.',
      );
    }
  });

  it('tells a truncated clip list by its count', () => {
    const clips = [makeClip(), makeClip()];
    expect(errorOf(backup(clips, { count: 3 }))).toBe(
      'The backup says it holds 3 clips but only 2 are in the file: it may have been cut off while downloading.',
    );
    expect(errorOf(backup(clips, { count: 1 }))).toBe('The backup says it holds 1 clips but the file has 2: it may have been edited.');
    expect(errorOf(backup(clips, { count: '2' }))).toMatch(/does not say how many clips it holds/);
    expect(errorOf(backup(clips, { clips: { a: 1 } }))).toBe('The backup holds no list of clips.');
  });

  it('refuses files and lists that are too large', () => {
    const text = backup([makeClip(), makeClip()]);
    const result = parseBackup(text, { now: NOW, maxChars: 3 * 1024 * 1024 - 1 });
    expect(result.ok).toBe(true);
    const huge = text + ' '.repeat(3 * 1024 * 1024);
    expect(parseBackup(huge, { now: NOW, maxChars: 3 * 1024 * 1024 })).toStrictEqual({
      ok: false,
      error: 'The file is too large to be a Libya Lens backup (4 MB; at most 3 MB).',
    });
    expect(parseBackup(text, { now: NOW, maxClips: 1 })).toStrictEqual({
      ok: false,
      error: 'The backup holds 2 clips; Libya Lens imports at most 1 at a time.',
    });
  });

  it('refuses two copies of one clip', () => {
    const clip = makeClip({ id: 'clip-3fa4b2c9d8e7f601' });
    const edited = { ...clip, text: 'A different paragraph.' };
    expect(errorOf(backup([clip, makeClip(), edited]))).toBe(
      'Clip 3 (clip-3fa4b2c…) has the same id as clip 1; Libya Lens never writes a clip twice, so the file may have been edited.',
    );
  });
});

describe('parseBackup: bad records, each named with its field and place', () => {
  const cases: [string, (clip: Record<string, unknown>) => void, string][] = [
    ['an implausible event date', (c) => (c.eventDate = { ...(c.eventDate as object), day: '0025-04-01' }),
      `${place}: event date "0025-04-01" is not a plausible date (years 1900–2100).`],
    ['a day that does not exist', (c) => (c.eventDate = { ...(c.eventDate as object), day: '2019-02-29' }),
      `${place}: event date "2019-02-29" is not a plausible date (years 1900–2100).`],
    ['an unknown time precision', (c) => (c.eventDate = { ...(c.eventDate as object), precision: 4 }),
      `${place}: event date precision 4 is not one of 1, 2, 3.`],
    ['a sub-event type of another event type', (c) => (c.event = { ...(c.event as object), eventType: 'Battles' }),
      `${place}: "Air/drone strike" is not an ACLED sub-event type of "Battles".`],
    ['an event type ACLED does not have', (c) => (c.event = { ...(c.event as object), eventType: 'Skirmish' }),
      `${place}: event type "Skirmish" is not one of "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments".`],
    ['an actor type outside 0–8', (c) => (c.actor1 = { name: 'Libyan National Army', inter: 9 }),
      `${place}: actor 1 ACLED actor type 9 is not one of 0, 1, 2, 3, 4, 5, 6, 7, 8.`],
    ['a latitude off the globe', (c) => (c.location = { name: 'Sirte', geoPrecision: 1, lat: 95, lon: 16.6 }),
      `${place}: event location latitude 95 should be a number from −90 to 90.`],
    ['a latitude without a longitude', (c) => (c.location = { name: 'Sirte', geoPrecision: 1, lat: 31.2 }),
      `${place}: event location has a latitude without a longitude.`],
    ['a negative fatality count', (c) => (c.fatalities = { count: -1 }),
      `${place}: fatality count -1 should be a whole number from 0 to 99,999.`],
    ['a fractional fatality count', (c) => (c.fatalities = { count: 2.5 }),
      `${place}: fatality count 2.5 should be a whole number from 0 to 99,999.`],
    ['an absurd fatality count', (c) => (c.fatalities = { count: 100_000 }),
      `${place}: fatality count 100000 should be a whole number from 0 to 99,999.`],
    ['an article URL that is not a web address', (c) => (c.article = { ...(c.article as object), url: 'ftp://files.example/a' }),
      `${place}: article URL "ftp://files.example/a" is not a web address (http or https).`],
    ['a script URL', (c) => (c.article = { ...(c.article as object), pageUrl: 'javascript:alert(document.cookie)' }),
      `${place}: page URL ${TAMPERED}`],
    ['empty text', (c) => (c.text = '   '), `${place}: text is empty.`],
    ['text longer than any paragraph', (c) => (c.text = 'a'.repeat(20_001)),
      `${place}: text is too long (20,001 characters; at most 20,000).`],
    ['a huge title', (c) => (c.article = { ...(c.article as object), title: 'Libya '.repeat(400) }),
      `${place}: article title is too long (2,400 characters; at most 2,000).`],
    ['a script tag in the title', (c) => (c.article = { ...(c.article as object), title: 'News <script>fetch("//evil")</script>' }),
      `${place}: article title ${TAMPERED}`],
    ['an iframe in an entity name', (c) => (c.entities = [{ id: 'x', name: '<iframe src=//evil>', kind: 'actor', category: '', source: 'ner', mentions: 1 }]),
      `${place}: entity 1 name ${TAMPERED}`],
    ['an event handler in an actor name', (c) => (c.actor2 = { name: 'x" onerror="alert(1)', inter: 7 }),
      `${place}: actor 2 name ${TAMPERED}`],
    ['a data URL in the outlet', (c) => (c.article = { ...(c.article as object), outlet: 'data:text/html;base64,PHNjcmlwdD4=' }),
      `${place}: outlet ${TAMPERED}`],
    ['a text that is not text', (c) => (c.text = 42), `${place}: text should be text, not 42.`],
    ['a missing field', (c) => delete c.attribution, `${place}: attribution is missing.`],
    ['a clip method that does not exist', (c) => (c.method = 'telepathy'),
      `${place}: clip method "telepathy" is not one of "button", "selection", "context-menu", "keyboard".`],
    ['a change time in the future', (c) => (c.updatedAt = '2099-01-01T00:00:00.000Z'),
      `${place}: last change time "2099-01-01T00:00:00.000Z" lies in the future.`],
    ['a clip time that is no timestamp', (c) => (c.clippedAt = 'yesterday'),
      `${place}: clip time "yesterday" is not a date and time Libya Lens writes.`],
    ['an anchor that ends before it starts', (c) => (c.selectors = [{ type: 'TextPositionSelector', start: 90, end: 10 }]),
      `${place}: anchor 1 ends before it starts.`],
    ['an anchor of an unknown kind', (c) => (c.selectors = [{ type: 'CssSelector', value: 'p' }]),
      `${place}: anchor 1 type "CssSelector" is not one of "TextQuoteSelector", "TextPositionSelector".`],
    ['an entity of an unknown kind', (c) => (c.entities = [{ id: 'weapon:tb2', name: 'TB2', kind: 'weapon', category: 'drone', source: 'kb', mentions: 1 }]),
      `${place}: entity 1 kind "weapon" is not one of "actor", "location".`],
    ['an attribution stance that does not exist', (c) => (c.attribution = { perpetrator: 'named', status: 'claimed', statements: [{ stance: 'hinted', by: { name: 'ISIS' }, cue: 'hinted' }] }),
      `${place}: attribution statement 1 stance "hinted" is not one of "claimed", "alleged", "denied".`],
    ['edits of a field that cannot be edited', (c) => (c.edits = { fields: ['text'], editedAt: '2025-01-01T00:00:00.000Z', original: {} }),
      `${place}: edited field "text" is not one of "eventDate", "event", "actor1", "actor2", "location".`],
    ['edits without the original value', (c) => (c.edits = { fields: ['event'], editedAt: '2025-01-01T00:00:00.000Z', original: {} }),
      `${place}: the value before the edit of event type is missing.`],
    ['a group that Libya Lens does not write', (c) => (c.eventGroup = '<b>merged</b>'),
      `${place}: event group "<b>merged</b>" is not a group Libya Lens writes.`],
    ['a record of a newer version', (c) => (c.version = 2),
      `${place}: it was made by a newer version of Libya Lens (record version 2); update Libya Lens, then import again.`],
  ];

  it.each(cases)('refuses %s', (_name, change, message) => {
    expect(errorOf(withSecondClip(change))).toBe(message);
  });

  it('names a record without a usable id by its place alone', () => {
    expect(errorOf(backup([makeClip(), makeClip({ id: '../../etc/passwd' })]))).toBe(
      'Clip 2: id "../../etc/passwd" is not a Libya Lens clip id.',
    );
    expect(errorOf(backup([null]))).toBe('Clip 1: the clip is missing.');
    expect(errorOf(backup(['clip-1']))).toBe('Clip 1: the clip should be a group of fields, not "clip-1".');
  });
});

describe('validateClips', () => {
  it('checks what a page sends the worker the same way', () => {
    expect(validateClips({ records: [] })).toStrictEqual({ ok: false, error: 'The import holds no list of clips.' });
    const bad = { ...makeClip({ id: 'clip-000abc' }), fatalities: { count: -3 } };
    expect(validateClips([bad], { now: NOW })).toStrictEqual({
      ok: false,
      error: 'Clip 1 (clip-000abc): fatality count -3 should be a whole number from 0 to 99,999.',
    });
  });
});

describe('parseBackup: never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parse(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON, as the file or as its clips', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 3 }), (value, clips) => {
        expect(parse(JSON.stringify(value)).ok).toBe(false);
        expect(parse(backup(clips)).ok).toBe(clips.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('on a valid clip with one field replaced by anything', () => {
    const clip = makeClip() as unknown as Record<string, unknown>;
    const keys = Object.keys(clip);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), (key, value) => {
        const result = parse(backup([{ ...clip, [key]: value }]));
        if (result.ok) expect(result.clips).toHaveLength(1);
        else expect(result.error).toMatch(/^Clip 1/);
      }),
      { numRuns: 400 },
    );
  });
});
