import browser from 'webextension-polyfill';
import type { ActorCategory, PlaceCategory } from '../kb/types';
import type { EntityInfo, TextMatch } from '../recognition/types';
import { isWatchId } from './watchlist';

/**
 * Reader-facing groups of what gets highlighted. The knowledge base has 25 fine categories; a reader
 * thinks in a handful ("don't show me every town"), so the switches are per group.
 * `browser.storage.local[hiddenCategories]` holds the ids of the groups the reader turned off.
 */
export const HIDDEN_CATEGORIES_KEY = 'hiddenCategories';

export type CategoryGroupId = 'people' | 'armed' | 'government' | 'foreign' | 'places' | 'sites' | 'watchlist' | 'new';

/** How the group's highlight looks, for the swatch beside its switch (lib/highlight/highlights.css). */
export type Swatch = 'actor' | 'location' | 'ner';

export interface CategoryGroup {
  id: CategoryGroupId;
  label: string;
  /** One line for the options page: what falls in the group. */
  explanation: string;
  /** Knowledge-base categories in the group; empty for the watchlist and new-name groups. */
  categories: ReadonlyArray<ActorCategory | PlaceCategory>;
  swatches: readonly Swatch[];
}

export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  {
    id: 'people',
    label: 'People',
    explanation: 'Politicians, commanders and other named individuals.',
    categories: ['person'],
    swatches: ['actor'],
  },
  {
    id: 'armed',
    label: 'Armed groups & militias',
    explanation: 'Brigades, militias, mercenary and jihadist groups, and tribes.',
    categories: ['armed group', 'mercenary group', 'jihadist group', 'tribe'],
    swatches: ['actor'],
  },
  {
    id: 'government',
    label: 'Governments & political bodies',
    explanation: 'Libyan governments, parliaments, councils and state institutions.',
    categories: ['government', 'political body', 'institution'],
    swatches: ['actor'],
  },
  {
    id: 'foreign',
    label: 'Foreign states & forces',
    explanation: 'Other countries, their armed forces, and international bodies such as the UN.',
    categories: ['foreign state', 'foreign force', 'international body'],
    swatches: ['actor'],
  },
  {
    id: 'places',
    label: 'Cities, towns & regions',
    explanation: 'Cities, towns, districts, regions and neighbourhoods.',
    categories: ['city', 'town', 'district', 'region', 'neighbourhood'],
    swatches: ['location'],
  },
  {
    id: 'sites',
    label: 'Military, oil & transport sites',
    explanation: 'Airbases, airports, military bases, oil terminals and fields, ports, border crossings, landmarks, waters.',
    categories: [
      'airbase',
      'airport',
      'military base',
      'oil terminal',
      'oil field',
      'port',
      'border crossing',
      'landmark',
      'water body',
    ],
    swatches: ['location'],
  },
  {
    id: 'watchlist',
    label: 'Your watchlist',
    explanation: 'Names you added yourself, whatever their category.',
    categories: [],
    swatches: ['actor', 'location'],
  },
  {
    id: 'new',
    label: 'New names',
    explanation: 'Names found by language analysis that are not in the knowledge base; drawn with a dotted underline.',
    categories: [],
    swatches: ['ner'],
  },
];

const GROUP_IDS: readonly CategoryGroupId[] = CATEGORY_GROUPS.map((group) => group.id);
const GROUP_OF_CATEGORY = new Map<string, CategoryGroupId>(
  CATEGORY_GROUPS.flatMap((group) => group.categories.map((category) => [category, group.id] as const)),
);

export function isCategoryGroupId(value: unknown): value is CategoryGroupId {
  return typeof value === 'string' && (GROUP_IDS as readonly string[]).includes(value);
}

/** The group a knowledge-base category belongs to; undefined for a category no group lists. */
export function groupOfCategory(category: string): CategoryGroupId | undefined {
  return GROUP_OF_CATEGORY.get(category);
}

/** Whatever storage holds, as known group ids without repeats, in the options page's order. */
export function normaliseHidden(value: unknown): CategoryGroupId[] {
  if (!Array.isArray(value)) return [];
  const wanted = new Set(value.filter(isCategoryGroupId));
  return GROUP_IDS.filter((id) => wanted.has(id));
}

/**
 * Whether a mention stays highlighted. NER finds follow "New names"; watchlist entries follow "Your
 * watchlist" alone (the reader added them on purpose, so hiding "People" does not hide a watched person);
 * knowledge-base names follow their category's group. A category no group lists stays shown: a new
 * category in the data must not vanish silently (categories.test.ts keeps the groups complete).
 */
export function isMatchShown(
  match: Pick<TextMatch, 'entityId' | 'source'>,
  info: Pick<EntityInfo, 'category'> | undefined,
  hidden: ReadonlySet<CategoryGroupId>,
): boolean {
  if (hidden.size === 0) return true;
  if (match.source === 'ner') return !hidden.has('new');
  if (isWatchId(match.entityId)) return !hidden.has('watchlist');
  const group = info && groupOfCategory(info.category);
  return group === undefined || !hidden.has(group);
}

/** The stored list with one group shown or hidden. */
export function setShown(list: readonly CategoryGroupId[], id: CategoryGroupId, shown: boolean): CategoryGroupId[] {
  const others = normaliseHidden(list).filter((item) => item !== id);
  return shown ? others : normaliseHidden([...others, id]);
}

export async function getHiddenCategories(): Promise<CategoryGroupId[]> {
  const stored = await browser.storage.local.get(HIDDEN_CATEGORIES_KEY);
  return normaliseHidden(stored[HIDDEN_CATEGORIES_KEY]);
}

// Read-modify-write, serialised as in sites.ts: two quick clicks must not overwrite each other.
let writes: Promise<unknown> = Promise.resolve();

/** Shows or hides one group on every page; resolves with the stored list of hidden groups. */
export function setCategoryShown(id: CategoryGroupId, shown: boolean): Promise<CategoryGroupId[]> {
  const write = writes.then(async () => {
    const list = setShown(await getHiddenCategories(), id, shown);
    await browser.storage.local.set({ [HIDDEN_CATEGORIES_KEY]: list });
    return list;
  });
  writes = write.catch(() => undefined);
  return write;
}

/** Calls `callback(hidden)` whenever the hidden groups change (from the options page, any tab). */
export function watchHiddenCategories(callback: (hidden: CategoryGroupId[]) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[HIDDEN_CATEGORIES_KEY];
    if (area !== 'local' || !change) return;
    const before = normaliseHidden(change.oldValue);
    const after = normaliseHidden(change.newValue);
    if (before.join() !== after.join()) callback(after);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
