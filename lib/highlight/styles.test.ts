import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ALL_HIGHLIGHT_NAMES, HIGHLIGHT_PRIORITY } from './paint';

// Read from disk: Vitest hands CSS imports (even ?raw ones) to its CSS pipeline, which empties them.
const CSS_TEXT = readFileSync(new URL('./highlights.css', import.meta.url), 'utf8');

/** Declarations per `::highlight(name)` rule, in the order they appear (media queries flattened). */
function rules(css: string): Array<{ names: string[]; declarations: Array<[string, string]> }> {
  const out: Array<{ names: string[]; declarations: Array<[string, string]> }> = [];
  const stripped = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of stripped.matchAll(/((?:\s*::highlight\([\w-]+\)\s*,?)+)\{([^{}]*)\}/g)) {
    const names = [...m[1]!.matchAll(/::highlight\(([\w-]+)\)/g)].map((n) => n[1]!);
    const declarations = m[2]!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const i = d.indexOf(':');
        return [d.slice(0, i).trim(), d.slice(i + 1).trim()] as [string, string];
      });
    out.push({ names, declarations });
  }
  return out;
}

describe('highlights.css', () => {
  const all = rules(CSS_TEXT);

  test('styles every highlight name, with a dark-scheme variant', () => {
    for (const name of ALL_HIGHLIGHT_NAMES) expect(all.filter((r) => r.names.includes(name)).length, name).toBeGreaterThanOrEqual(2);
    expect(CSS_TEXT).toContain('@media (prefers-color-scheme: dark)');
  });

  test('uses only properties that cannot move text (no layout shift)', () => {
    const allowed = /^(color|background-color|text-decoration(-(line|color|style|thickness))?|text-shadow)$/;
    for (const rule of all) for (const [property] of rule.declarations) expect(property, rule.names.join()).toMatch(allowed);
  });

  test('NER highlights are lower-key: no background tint, a dotted underline', () => {
    for (const rule of all.filter((r) => r.names.some((n) => n.includes('-ner-')))) {
      expect(rule.declarations.map(([p]) => p)).not.toContain('background-color');
      expect(rule.declarations.find(([p]) => p === 'text-decoration')?.[1]).toMatch(/dotted/);
    }
  });

  test('actors and places differ in more than colour', () => {
    const decoration = (name: string) => all.find((r) => r.names.includes(name))!.declarations.find(([p]) => p === 'text-decoration')![1];
    expect(decoration('libya-lens-actor')).toMatch(/solid/);
    expect(decoration('libya-lens-location')).toMatch(/dashed/);
  });

  test('priorities: focus over knowledge base over NER', () => {
    expect(HIGHLIGHT_PRIORITY['libya-lens-focus']).toBeGreaterThan(HIGHLIGHT_PRIORITY['libya-lens-actor']);
    expect(HIGHLIGHT_PRIORITY['libya-lens-actor']).toBe(HIGHLIGHT_PRIORITY['libya-lens-location']);
    expect(HIGHLIGHT_PRIORITY['libya-lens-location']).toBeGreaterThan(HIGHLIGHT_PRIORITY['libya-lens-ner-location']);
  });
});
