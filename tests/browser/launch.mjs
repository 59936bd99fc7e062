// Launching the two real browsers with the extension loaded. See ../../../shared/docs/toolchain.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function onPath(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Debian's chromium first; any Chromium or Chrome on PATH after it. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

/** Debian's firefox-esr (the CSS Custom Highlight API needs Firefox 140 or later). */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : undefined;
  if (existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  return onPath('firefox-esr') ?? onPath('firefox');
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A persistent Chromium context with the unpacked MV3 build `extensionDir` loaded (or none when it is
 * omitted). The profile is a fresh temporary one, removed on close, unless `profile` names a directory:
 * that one is kept, so that a test can restart the browser on it. Returns { context, extensionId, worker, close }.
 */
export async function launchChromium({
  extensionDir,
  headless = true,
  viewport = { width: 1280, height: 900 },
  profile: keptProfile,
} = {}) {
  const { chromium } = await import('playwright-core');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'libya-lens-profile-'));
  const args = [...CHROMIUM_ARGS];
  if (extensionDir) args.unshift(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport,
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : undefined,
    args,
  });
  let worker;
  let extensionId;
  if (extensionDir) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    worker,
    extensionId,
    executablePath,
    async close() {
      await context.close().catch(() => {});
      if (!keptProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Headless Firefox over WebDriver BiDi, with the unpacked MV2 build `extensionDir` installed temporarily. */
/**
 * The moz-extension:// host Firefox gives the extension. It is a random UUID per profile unless the profile
 * says otherwise: `extensions.webextensions.uuids` maps the gecko id to a fixed one, so tests can open the
 * extension's own pages (https://searchfox.org/mozilla-central/search?q=extensions.webextensions.uuids).
 */
export const FIREFOX_EXTENSION_UUID = '5f1d7a52-6c0e-4b8e-9d39-1b1e6a7c4d21';
const GECKO_ID = 'libya-lens@libyalens.example';

export async function launchFirefox({ extensionDir, headless = true } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: apt-get install -y firefox-esr (or set FIREFOX_PATH)');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    // Firefox 153 lets WebDriver navigate only to web schemes unless system access is allowed, and the
    // extension's own pages are moz-extension:// (https://firefox-source-docs.mozilla.org/testing/geckodriver/Flags.html#allow-system-access).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }) },
  });
  let extensionId;
  if (extensionDir) extensionId = await browser.installExtension(extensionDir);
  return {
    browser,
    extensionId,
    executablePath,
    /** The root of the extension's own pages ("moz-extension://<uuid>/"). */
    extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}/`,
    close: () => browser.close().catch(() => {}),
  };
}
