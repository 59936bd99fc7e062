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
}): Promise<LaunchedChromium>;
export interface LaunchedFirefox {
  browser: Browser;
  extensionId: string | undefined;
  executablePath: string;
  close(): Promise<void>;
}
export declare function launchFirefox(options?: { extensionDir?: string; headless?: boolean }): Promise<LaunchedFirefox>;
