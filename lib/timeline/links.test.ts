import { describe, expect, it } from 'vitest';
import { makeClip } from '../storage/fixtures';
import { articleLink, clipIdFromHash } from './links';

describe('articleLink', () => {
  it('points at the passage with a text fragment of its first and last words', () => {
    const clip = makeClip();
    const link = articleLink(clip)!;
    expect(link.startsWith(`${clip.article.url}#libya-lens-clip=${clip.id}:~:text=`)).toBe(true);
    const directive = link.split(':~:text=')[1]!;
    const [start, end] = directive.split(',').map(decodeURIComponent);
    expect(clip.text.startsWith(start!)).toBe(true);
    expect(clip.text.endsWith(end!)).toBe(true);
  });

  it('encodes the characters the directive reserves', () => {
    const clip = makeClip({
      text: 'Pro-GNA forces, backed by Turkey & Qatar, said so.',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Pro-GNA forces, backed by Turkey & Qatar, said so.', prefix: '', suffix: '' }],
    });
    const directive = articleLink(clip)!.split(':~:text=')[1]!;
    expect(directive).not.toMatch(/[-,&]/);
    expect(decodeURIComponent(directive)).toBe('Pro-GNA forces, backed by Turkey & Qatar, said so.');
  });

  it('drops an old fragment and refuses non-web URLs', () => {
    const clip = makeClip();
    expect(articleLink({ ...clip, article: { ...clip.article, url: 'https://x.example/a#top' } })).toMatch(/^https:\/\/x\.example\/a#libya-lens-clip=clip-\d+:~:text=/);
    expect(articleLink({ ...clip, article: { ...clip.article, url: 'javascript:alert(1)' } })).toBeUndefined();
    expect(articleLink({ ...clip, article: { ...clip.article, url: 'not a url' } })).toBeUndefined();
  });

  it('names the clip in the part of the fragment pages keep, for the content script', () => {
    const clip = makeClip({ id: 'clip-00ab12cd34ef5678' });
    const hash = `#${articleLink(clip)!.split('#')[1]!.split(':~:')[0]}`;
    expect(clipIdFromHash(hash)).toBe('clip-00ab12cd34ef5678');
    expect(clipIdFromHash(`#${articleLink(clip)!.split('#')[1]!}`)).toBe('clip-00ab12cd34ef5678');
    expect(clipIdFromHash('#section-2')).toBeUndefined();
    expect(clipIdFromHash('#libya-lens-clip=<img>')).toBeUndefined();
  });
});
