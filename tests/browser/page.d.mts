/** A Playwright or Puppeteer page or frame: anything that evaluates a string in the page's main world. */
export interface Evaluates {
  evaluate(expression: string): Promise<unknown>;
}
export declare const sleep: (ms: number) => Promise<void>;
export declare function probe<T>(target: Evaluates, expression: string): Promise<T>;
export declare function waitForSettled(
  target: Evaluates,
  options?: { quietMs?: number; timeoutMs?: number; allowEmpty?: boolean; minRanges?: number },
): Promise<number>;
export declare function paintedTexts(target: Evaluates): Promise<Record<string, string[]>>;
