export declare const FIXTURES_DIR: string;
export interface FixtureServer {
  port: number;
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}
export declare function startServer(options?: { root?: string; pages?: Record<string, string> }): Promise<FixtureServer>;
