import type { Page, Worker } from 'playwright-core';
import type { ClipRecord } from '../../lib/extraction/types';

export declare function readStoredClips(target: Worker | Page): Promise<ClipRecord[]>;
