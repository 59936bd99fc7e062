import { describe, expect, it } from 'vitest';
import { makeClip } from './fixtures';

describe('makeClip', () => {
  it('builds a JSON-shaped record whose offsets point into its text', () => {
    const clip = makeClip();
    expect(JSON.parse(JSON.stringify(clip))).toStrictEqual(clip);
    const { start, end, expression } = clip.eventDate;
    expect(clip.text.slice(start, end)).toBe(expression);
    const position = clip.selectors.find((s) => s.type === 'TextPositionSelector');
    expect(position && position.end - position.start).toBe(clip.text.length);
  });

  it('gives each record its own id, and applies overrides (undefined removes a field)', () => {
    expect(makeClip().id).not.toBe(makeClip().id);
    const clip = makeClip({ id: 'x', actor2: undefined });
    expect(clip.id).toBe('x');
    expect('actor2' in clip).toBe(false);
  });
});
