// The fixtures are written with names the knowledge base is meant to know (lib/kb/data). When one is missing the
// browser tests skip it; this file says so, so that a gap in the KB is reported to lib/kb, not to lib/highlight.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FIXTURES_DIR } from './server.mjs';
import { EXPECTED_MAIN, FRAMEWORK_NAMES, IFRAME_NAME, LATE_NAME, SHADOW_NAME, kb, kbEntryFor, type ExpectedName } from './helpers';

const fixture = (name: string) => readFileSync(FIXTURES_DIR + name, 'utf8');

describe('fixture names (lib/kb/data)', () => {
  test('the knowledge base has entries', () => {
    expect(kb().filter((e) => e.kind === 'actor').length, 'actors in lib/kb/data/actors.json').toBeGreaterThan(0);
    expect(kb().filter((e) => e.kind === 'location').length, 'places in lib/kb/data/places.json').toBeGreaterThan(0);
  });

  test('knows every name the demo article, its shadow root, iframe and late update use', () => {
    const all: ExpectedName[] = [...EXPECTED_MAIN, LATE_NAME, SHADOW_NAME, IFRAME_NAME, ...FRAMEWORK_NAMES];
    const missing = all.filter((n) => !kbEntryFor(n.kb, n.kind)).map((n) => `${n.kind} "${n.text}" (any of: ${n.kb.join(', ')})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  test('the fixtures really contain the names the tests look for', () => {
    const article = fixture('demo-article.html');
    for (const name of [...EXPECTED_MAIN, LATE_NAME, SHADOW_NAME]) expect(article).toContain(name.text);
    expect(fixture('related-box.html')).toContain(IFRAME_NAME.text);
    const framework = fixture('framework-page.html');
    for (const name of FRAMEWORK_NAMES) expect(framework).toContain(name.text);
  });
});
