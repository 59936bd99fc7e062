// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HIDDEN_CATEGORIES_KEY } from '../settings/categories';
import { DISABLED_SITES_KEY } from '../settings/sites';
import { getWatchlist, setWatchlist, toWatchEntry } from '../settings/watchlist';
import { hostFromInput, mountOptions, type OptionsPage } from './options-view';

let root: HTMLElement;
let page: OptionsPage;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
const type = (selector: string, value: string) => {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};
const submitWatch = async () => {
  $<HTMLButtonElement>('.watch-form button[type=submit]').click();
  await settle();
};
const message = (field: string) => $(`#watch-${field}-msg`);
const entries = () => [...root.querySelectorAll<HTMLElement>('.watch-entry')].map((li) => li.querySelector('.watch-name')!.textContent);
const knownAs = (alias: string) => (alias.toLowerCase() === 'haftar' ? 'Khalifa Haftar' : undefined);

async function open() {
  page = mountOptions(root, { knownAs });
  await page.ready;
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => page?.dispose());

describe('options page frame', () => {
  it('has a title and one labelled section per job', async () => {
    await open();
    expect($('h1').textContent).toBe('Libya Lens settings');
    const sections = [...root.querySelectorAll('section')].map((s) => document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent);
    expect(sections).toEqual(['Your watchlist', 'Highlight categories', 'Sites where highlighting is off']);
  });

  it('labels every form control', async () => {
    await open();
    const controls = [...root.querySelectorAll<HTMLInputElement>('input, select, textarea')];
    expect(controls.length).toBeGreaterThan(10);
    for (const control of controls) {
      const label = root.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent?.trim(), `label for #${control.id}`).toBeTruthy();
    }
  });
});

describe('watchlist', () => {
  it('refuses an empty name with a message tied to the field, then adds the entry', async () => {
    await open();
    expect($('[data-section=watchlist] .empty').hidden).toBe(false);
    await submitWatch();
    const name = $<HTMLInputElement>('#watch-name');
    expect(message('name').hidden).toBe(false);
    expect(message('name').textContent).toBe('Enter the name to highlight.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')?.split(' ')).toContain('watch-name-msg');
    expect(document.activeElement).toBe(name);
    expect(await getWatchlist()).toEqual([]);

    type('#watch-name', 'Abu Bakr al-Zawi');
    // Re-checked as the reader types once a save has failed: the message goes when the name is there.
    expect(message('name').hidden).toBe(true);
    expect(name.hasAttribute('aria-invalid')).toBe(false);
    type('#watch-aliases', 'Zawi, al-Zawi');
    type('#watch-note', 'Commander seen in Zawiya');
    await submitWatch();

    const stored = await getWatchlist();
    expect(stored).toEqual([
      expect.objectContaining({ id: 'watch-abu-bakr-al-zawi', name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'person', aliases: ['Zawi', 'al-Zawi'], note: 'Commander seen in Zawiya' }),
    ]);
    expect(entries()).toEqual(['Abu Bakr al-Zawi']);
    expect($('[data-section=watchlist] .empty').hidden).toBe(true);
    expect($<HTMLInputElement>('#watch-name').value).toBe('');
    expect($('.watch-form .form-status').textContent).toContain('Added “Abu Bakr al-Zawi”');
  });

  it('asks for both coordinates of a place and names a too-short alias', async () => {
    await open();
    $<HTMLInputElement>('#watch-kind-location').click();
    expect($('.coords').hidden).toBe(false);
    expect($<HTMLSelectElement>('#watch-category').value).toBe('town');
    type('#watch-name', 'Qaryat Umm Sadd');
    type('#watch-aliases', 'Q');
    type('#watch-lat', '31.5');
    await submitWatch();
    expect(message('aliases').textContent).toContain('“Q”');
    expect(message('lon').textContent).toBe('Give both latitude and longitude, or neither.');
    expect($('#watch-lon').getAttribute('aria-invalid')).toBe('true');
    expect(await getWatchlist()).toEqual([]);

    type('#watch-aliases', '');
    type('#watch-lon', '15,25');
    await submitWatch();
    expect(await getWatchlist()).toEqual([expect.objectContaining({ name: 'Qaryat Umm Sadd', kind: 'location', category: 'town', lat: 31.5, lon: 15.25 })]);
  });

  it('saves a place without coordinates and says it will not be on the map', async () => {
    await open();
    $<HTMLInputElement>('#watch-kind-location').click();
    type('#watch-name', 'Qaryat Umm Sadd');
    await submitWatch();
    expect(await getWatchlist()).toHaveLength(1);
    expect($('.watch-form .form-status').textContent).toMatch(/not appear on the map/);
  });

  it('warns about a spelling the knowledge base already has when the field is left', async () => {
    await open();
    type('#watch-name', 'Abu Bakr al-Zawi');
    type('#watch-aliases', 'Haftar');
    $('#watch-aliases').dispatchEvent(new Event('change', { bubbles: true }));
    expect(message('aliases').hidden).toBe(false);
    expect(message('aliases').dataset.severity).toBe('warning');
    expect(message('aliases').textContent).toContain('already highlighted as Khalifa Haftar');
  });

  it('edits an entry in place and removes one, keeping the keyboard in the list', async () => {
    const zawi = toWatchEntry({ name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'person', aliases: [] });
    const sadd = toWatchEntry({ name: 'Qaryat Umm Sadd', kind: 'location', category: 'town', aliases: [], lat: 31.5, lon: 15.25 });
    await setWatchlist([zawi, sadd]);
    await open();
    expect(entries()).toEqual(['Abu Bakr al-Zawi', 'Qaryat Umm Sadd']);

    $<HTMLButtonElement>(`[data-watch-id="${zawi.id}"] button[data-action=edit]`).click();
    expect($('#watch-form-heading').textContent).toBe('Edit “Abu Bakr al-Zawi”');
    type('#watch-aliases', 'Zawi');
    await submitWatch();
    expect((await getWatchlist())[0]).toMatchObject({ id: zawi.id, aliases: ['Zawi'], addedAt: zawi.addedAt });
    expect($('#watch-form-heading').textContent).toBe('Add a name');

    $<HTMLButtonElement>(`[data-watch-id="${zawi.id}"] button[data-action=remove]`).click();
    await settle();
    expect((await getWatchlist()).map((e) => e.id)).toEqual([sadd.id]);
    expect(entries()).toEqual(['Qaryat Umm Sadd']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove Qaryat Umm Sadd');
  });

  it('follows changes made in another tab', async () => {
    await open();
    await setWatchlist([toWatchEntry({ name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'person', aliases: [] })]);
    await settle();
    expect(entries()).toEqual(['Abu Bakr al-Zawi']);
    expect($('#watch-list-heading').textContent).toBe('On your watchlist (1)');
  });
});

describe('highlight categories', () => {
  it('shows every group on by default and stores a group switched off', async () => {
    await open();
    const boxes = [...root.querySelectorAll<HTMLInputElement>('.category input[type=checkbox]')];
    expect(boxes).toHaveLength(8);
    expect(boxes.every((box) => box.checked)).toBe(true);
    const foreign = $<HTMLInputElement>('#category-foreign');
    expect(document.getElementById(foreign.getAttribute('aria-describedby')!)?.textContent).toMatch(/Other countries/);
    foreign.click();
    await settle();
    expect(await fakeBrowser.storage.local.get(HIDDEN_CATEGORIES_KEY)).toEqual({ [HIDDEN_CATEGORIES_KEY]: ['foreign'] });
    foreign.click();
    await settle();
    expect(await fakeBrowser.storage.local.get(HIDDEN_CATEGORIES_KEY)).toEqual({ [HIDDEN_CATEGORIES_KEY]: [] });
  });

  it('shows what is stored', async () => {
    await fakeBrowser.storage.local.set({ [HIDDEN_CATEGORIES_KEY]: ['new', 'sites'] });
    await open();
    expect($<HTMLInputElement>('#category-new').checked).toBe(false);
    expect($<HTMLInputElement>('#category-sites').checked).toBe(false);
    expect($<HTMLInputElement>('#category-people').checked).toBe(true);
  });
});

describe('sites where highlighting is off', () => {
  it('lists the sites and turns one back on', async () => {
    await fakeBrowser.storage.local.set({ [DISABLED_SITES_KEY]: ['bbc.co.uk', 'reuters.com'] });
    await open();
    expect([...root.querySelectorAll('.site-host')].map((s) => s.textContent)).toEqual(['bbc.co.uk', 'reuters.com']);
    $<HTMLButtonElement>('[data-host="bbc.co.uk"] button').click();
    await settle();
    expect(await fakeBrowser.storage.local.get(DISABLED_SITES_KEY)).toEqual({ [DISABLED_SITES_KEY]: ['reuters.com'] });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Turn highlighting back on for reuters.com');
  });

  it('adds a site from what the reader types, or says why not', async () => {
    await open();
    type('#site-host', 'not a site');
    $<HTMLButtonElement>('.site-form button[type=submit]').click();
    await settle();
    expect($('#site-host-msg').textContent).toMatch(/not a site address/);
    expect($('#site-host').getAttribute('aria-invalid')).toBe('true');
    type('#site-host', 'https://www.LibyaObserver.ly/news/x');
    $<HTMLButtonElement>('.site-form button[type=submit]').click();
    await settle();
    expect(await fakeBrowser.storage.local.get(DISABLED_SITES_KEY)).toEqual({ [DISABLED_SITES_KEY]: ['libyaobserver.ly'] });
    expect(root.textContent).toContain('Highlighting is off on libyaobserver.ly.');
  });

  it('follows a site switched off from the popup', async () => {
    await open();
    await fakeBrowser.storage.local.set({ [DISABLED_SITES_KEY]: ['aljazeera.com'] });
    await settle();
    expect([...root.querySelectorAll('.site-host')].map((s) => s.textContent)).toEqual(['aljazeera.com']);
    expect($('[data-section=sites] .empty').hidden).toBe(true);
  });

  it('reads hosts the way they are stored', () => {
    expect(hostFromInput(' Reuters.com ')).toEqual({ host: 'reuters.com' });
    expect(hostFromInput('http://localhost:8080/x')).toEqual({ host: 'localhost' });
    expect(hostFromInput('https://news.bbc.co.uk')).toEqual({ host: 'news.bbc.co.uk' });
    expect(hostFromInput('')).toEqual({ error: 'Enter a site, such as example.com.' });
    expect(hostFromInput('reuters')).toHaveProperty('error');
  });
});
