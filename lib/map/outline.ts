import outlineData from './data/libya-outline.json';
import type { OutlineData } from './types';

/**
 * The bundled base map (Natural Earth 1:50m via world-atlas; see data/outline.sources.md), typed once here at
 * the boundary. Regenerate with `node tests/tools/build-outline.mjs`.
 */
export const outline = outlineData as unknown as OutlineData;
