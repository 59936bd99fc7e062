/**
 * The knowledge base's shapes. The data lives in lib/kb/data/*.json; every entry names the
 * sources it was built from (see lib/kb/data/SOURCES.md for the licences).
 */

export type EntityKind = 'actor' | 'location';

export type ActorCategory =
  | 'person'
  | 'armed group'
  | 'political body'
  | 'government'
  | 'foreign state'
  | 'foreign force'
  | 'mercenary group'
  | 'international body'
  | 'jihadist group'
  | 'tribe'
  | 'institution';

export type PlaceCategory =
  | 'city'
  | 'town'
  | 'district'
  | 'region'
  | 'neighbourhood'
  | 'airbase'
  | 'airport'
  | 'oil terminal'
  | 'oil field'
  | 'port'
  | 'border crossing'
  | 'military base'
  | 'landmark'
  | 'water body';

/**
 * An alias as written in the data files: a bare string, or an object when the alias needs a rule.
 *  - `case: 'exact'`: only matches with the capitalisation given ("IS" but not "is", "Turkey" not "turkey").
 *  - `rejectBefore` / `rejectAfter`: regular expression sources tested against the ~40 characters before /
 *    after the match; a hit means the alias means something else there ("Tripoli, Lebanon").
 */
export type AliasSpec =
  | string
  | {
      text: string;
      case?: 'exact';
      rejectBefore?: string[];
      rejectAfter?: string[];
      /** Why the rule exists; shown in tests and reviews, never to the reader. */
      note?: string;
    };

interface EntityBase {
  id: string;
  name: string;
  aliases: AliasSpec[];
  /** Short description shown on the hover card. */
  description?: string;
  /** Where the facts came from: source keys from SOURCES.md, or URLs. */
  sources: string[];
}

export type Camp =
  | 'LNA/east'
  | 'GNA/west'
  | 'GNU/west'
  | 'HoR/east'
  | 'GNS/east'
  | 'Gaddafi loyalist'
  | 'jihadist'
  | 'neutral'
  | 'UN'
  | 'pro-LNA foreign'
  | 'pro-GNA foreign'
  | 'mixed'
  | 'revolutionary';

export interface ActorEntry extends EntityBase {
  kind: 'actor';
  category: ActorCategory;
  camp?: Camp;
  /** Country an actor belongs to, ISO 3166-1 alpha-2 ("LY" for Libyan actors). */
  country?: string;
  /** Years active, e.g. "2014–" or "2016–2021". */
  active?: string;
  /** For people: the body or group they lead or belong to (an actor id). */
  memberOf?: string[];
}

export interface PlaceEntry extends EntityBase {
  kind: 'location';
  category: PlaceCategory;
  lat: number;
  lon: number;
  /** First-level administrative region (ACLED admin1-style district name), when known. */
  admin1?: string;
  /** Arabic name, when known. */
  arabic?: string;
}

export type Entity = ActorEntry | PlaceEntry;

/** Which entry an alias that two entries could claim belongs to, and why. */
export interface SharedAliasRule {
  alias: string;
  winner: string;
  others: string[];
  why: string;
}
