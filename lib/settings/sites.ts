import browser from 'webextension-polyfill';

/**
 * The per-site switch. `browser.storage.local[disabledSites]` holds the hostnames the reader turned
 * Libya Lens off on: normalised, sorted, unique. Everything else is on.
 */
export const DISABLED_SITES_KEY = 'disabledSites';

/** "WWW.Example.com." → "example.com": the form hostnames are stored and compared in. */
export function normaliseHost(host: string): string {
  let normalised = host.trim().toLowerCase();
  if (normalised.endsWith('.')) normalised = normalised.slice(0, -1);
  if (normalised.startsWith('www.')) normalised = normalised.slice(4);
  return normalised;
}

/** Whatever storage holds, as a clean list (it may be missing, or written by an older version). */
export function normaliseList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const hosts = value.filter((item): item is string => typeof item === 'string').map(normaliseHost);
  return [...new Set(hosts)].filter(Boolean).sort();
}

export function isDisabled(list: readonly string[], host: string): boolean {
  const normalised = normaliseHost(host);
  return normalised !== '' && list.some((item) => normaliseHost(item) === normalised);
}

/** The list with `host` on (removed) or off (added). A blank host (file: pages) changes nothing. */
export function setDisabled(list: readonly string[], host: string, disabled: boolean): string[] {
  const normalised = normaliseHost(host);
  const others = normaliseList(list).filter((item) => item !== normalised);
  if (!normalised || !disabled) return others;
  return [...others, normalised].sort();
}

export function toggle(list: readonly string[], host: string): string[] {
  return setDisabled(list, host, !isDisabled(list, host));
}

export async function getDisabledSites(): Promise<string[]> {
  const stored = await browser.storage.local.get(DISABLED_SITES_KEY);
  return normaliseList(stored[DISABLED_SITES_KEY]);
}

export async function isSiteEnabled(host: string): Promise<boolean> {
  return !isDisabled(await getDisabledSites(), host);
}

// Read-modify-write: two quick toggles in the same page must not overwrite each other.
let writes: Promise<unknown> = Promise.resolve();

/** Turns Libya Lens on or off for `host`; resolves with the stored list. */
export function setSiteEnabled(host: string, enabled: boolean): Promise<string[]> {
  const write = writes.then(async () => {
    const list = setDisabled(await getDisabledSites(), host, !enabled);
    await browser.storage.local.set({ [DISABLED_SITES_KEY]: list });
    return list;
  });
  writes = write.catch(() => undefined);
  return write;
}

/**
 * Calls `callback(enabled)` whenever the switch for `host` changes (from the popup or another tab).
 * Returns the unsubscribe function.
 */
export function watchSite(host: string, callback: (enabled: boolean) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[DISABLED_SITES_KEY];
    if (area !== 'local' || !change) return;
    const before = !isDisabled(normaliseList(change.oldValue), host);
    const after = !isDisabled(normaliseList(change.newValue), host);
    if (before !== after) callback(after);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `callback(list)` whenever the list of sites turned off changes (the options page shows it). */
export function watchDisabledSites(callback: (list: string[]) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[DISABLED_SITES_KEY];
    if (area !== 'local' || !change) return;
    const after = normaliseList(change.newValue);
    if (normaliseList(change.oldValue).join() !== after.join()) callback(after);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
