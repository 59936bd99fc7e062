import type { BrowserContext, Worker } from 'playwright-core';
import type { Browser } from 'puppeteer-core';

export declare function findChromium(): string | undefined;
export declare function findFirefox(): string | undefined;
export declare const CHROMIUM_ARGS: string[];
export interface LaunchedChromium {
  context: BrowserContext;
  worker: Worker | undefined;
  extensionId: string | undefined;
  executablePath: string;
  close(): Promise<void>;
}
export declare function launchChromium(options?: {
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** A profile directory to use and keep (default: a temporary one, removed on close). */
  profile?: string;
}): Promise<LaunchedChromium>;
export interface LaunchedFirefox {
  browser: Browser;
  extensionId: string | undefined;
  executablePath: string;
  /** The root of the extension's own pages ("moz-extension://<uuid>/"). */
  extensionOrigin: string;
  close(): Promise<void>;
}
export declare const FIREFOX_EXTENSION_UUID: string;
export declare function launchFirefox(options?: { extensionDir?: string; headless?: boolean }): Promise<LaunchedFirefox>;
