export declare const ROOT: string;
export type Target = 'chrome' | 'firefox';
export declare const TARGETS: Record<Target, { dir: string; args: string[]; env: string }>;
export declare function newestSource(root?: string): { time: number; file: string };
export declare function buildDir(target: Target, root?: string): string;
export declare function staleReason(target: Target, root?: string): string;
export declare function ensureBuilds(targets?: Target[], options?: { root?: string; log?: (line: string) => void }): void;
