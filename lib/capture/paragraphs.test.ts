// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { clippableBlock, localDay } from './paragraphs';

const LONG = 'Forces loyal to Khalifa Haftar shelled Mitiga airport in Tripoli on Saturday night, the GNA said.';

beforeEach(() => {
  document.body.innerHTML = `
    <header><nav><p id="nav-p">${LONG}</p></nav></header>
    <main><article id="article">
      <p id="p"><span>Forces loyal to</span> <a id="a" href="#"><b id="b">Khalifa Haftar</b></a> shelled Mitiga airport in Tripoli on Saturday night.</p>
      <div id="div-paragraph">${LONG}</div>
      <div id="div-section"><p id="inner">${LONG}</p></div>
      <ul><li id="li">${LONG}</li></ul>
      <blockquote><p id="quote">${LONG}</p></blockquote>
      <p id="short">Read more</p>
      <p id="with-code">${LONG} <code id="code">haftar --shell</code></p>
      <textarea id="textarea">${LONG}</textarea>
      <div contenteditable id="editor"><p id="editable-p">${LONG}</p></div>
      <svg><text id="svg-text">${LONG}</text></svg>
      <div aria-hidden="true"><p id="hidden-p">${LONG}</p></div>
    </article></main>
    <footer><p id="footer-p">${LONG}</p></footer>`;
});

const block = (id: string) => clippableBlock(document.getElementById(id)!.firstChild ?? document.getElementById(id));

describe('clippableBlock', () => {
  it('finds the paragraph from any node inside it, through inline markup', () => {
    const p = document.getElementById('p');
    expect(clippableBlock(document.getElementById('b')!.firstChild)).toBe(p);
    expect(clippableBlock(document.getElementById('a'))).toBe(p);
    expect(block('li')?.id).toBe('li');
    expect(block('quote')?.id).toBe('quote');
    expect(block('div-paragraph')?.id).toBe('div-paragraph');
    expect(block('inner')?.id).toBe('inner');
  });

  it('refuses containers, site chrome, short lines and hidden text', () => {
    expect(clippableBlock(document.getElementById('article'))).toBeNull();
    expect(clippableBlock(document.getElementById('div-section'))).toBeNull();
    for (const id of ['nav-p', 'footer-p', 'short', 'hidden-p']) expect(block(id), id).toBeNull();
  });

  it('refuses what the reader types and what is not prose: fields, editable areas, code, SVG', () => {
    for (const id of ['textarea', 'editable-p', 'code', 'svg-text']) expect(block(id), id).toBeNull();
    expect(block('with-code')?.id).toBe('with-code');
  });

  it('refuses paragraphs inside shadow trees (they cannot be anchored again)', () => {
    const host = document.createElement('div');
    document.getElementById('article')!.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = `<p id="shadow-p">${LONG}</p>`;
    expect(clippableBlock(host.shadowRoot!.getElementById('shadow-p')!.firstChild)).toBeNull();
  });

  it('answers null for no node', () => {
    expect(clippableBlock(null)).toBeNull();
  });
});

describe('localDay', () => {
  it("is the reader's calendar day, not the UTC one", () => {
    const date = new Date(2020, 4, 18, 23, 59); // local 18 May, 23:59
    expect(localDay(date)).toBe('2020-05-18');
    expect(localDay(new Date(2020, 0, 1, 0, 0))).toBe('2020-01-01');
  });
});
