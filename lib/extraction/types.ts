/**
 * The clipping record: one paragraph of an article turned into an annotated event. Shapes follow the
 * codebooks analysts already use (ACLED for the event, Airwars for attribution, the W3C Web Annotation
 * model for anchors; see ../shared/docs/domain.md), so that exports map field for field.
 */

/** A calendar day, `YYYY-MM-DD`. A day has no time zone; a `Date` at midnight shifts for half the world. */
export type IsoDay = string;

/** ACLED time precision: 1 the day is known, 2 the week or weekend, 3 only the month. */
export type TimePrecision = 1 | 2 | 3;

/** How the event date was obtained. */
export type EventDateMethod =
  /** From a time expression in the clipped text ("on Friday", "26 May 2017", "yesterday"). */
  | 'expression'
  /** No usable expression: the publication date stands in. */
  | 'publication'
  /** No publication date either: the day of the clip stands in. */
  | 'clip-day';

export interface EventDate {
  day: IsoDay;
  precision: TimePrecision;
  method: EventDateMethod;
  /** The phrase the date came from, as written ("on Friday night"). */
  expression?: string;
  /** Offsets of that phrase in the clipped text. */
  start?: number;
  end?: number;
  /** The day the date was resolved against (publication day, or clip day). */
  reference?: IsoDay;
}

/** ACLED codes excessive force against protesters and mob violence as both political violence and demonstrations. */
export type DisorderType =
  | 'Political violence'
  | 'Demonstrations'
  | 'Political violence; Demonstrations'
  | 'Strategic developments';

export type EventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

export type SubEventType =
  // Battles
  | 'Armed clash'
  | 'Government regains territory'
  | 'Non-state actor overtakes territory'
  // Explosions/Remote violence
  | 'Air/drone strike'
  | 'Shelling/artillery/missile attack'
  | 'Remote explosive/landmine/IED'
  | 'Suicide bomb'
  | 'Grenade'
  // Violence against civilians
  | 'Attack'
  | 'Abduction/forced disappearance'
  | 'Sexual violence'
  // Protests and riots
  | 'Peaceful protest'
  | 'Protest with intervention'
  | 'Excessive force against protesters'
  | 'Violent demonstration'
  | 'Mob violence'
  // Strategic developments
  | 'Agreement'
  | 'Arrests'
  | 'Change to group/activity'
  | 'Disrupted weapons use'
  | 'Headquarters or base established'
  | 'Looting/property destruction'
  | 'Non-violent transfer of territory'
  | 'Other';

export interface EventClass {
  disorderType: DisorderType;
  eventType: EventType;
  subEventType: SubEventType;
  /** ACLED's civilian_targeting: civilians were the target. */
  civilianTargeting: boolean;
  /** The words that decided the type ("air strike", "ceasefire"), for the reader to check. */
  cue?: string;
}

/**
 * ACLED actor type (inter1/inter2): 1 state forces, 2 rebel groups, 3 political militias, 4 identity
 * militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces; 0 when unknown.
 */
export type InterCode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface EventActor {
  /** As ACLED would write it ("Military Forces of Libya (2014-) Libyan National Army", or the KB name). */
  name: string;
  /** The knowledge-base entity, when the actor is one. */
  entityId?: string;
  inter: InterCode;
}

/** ACLED geo precision: 1 the place itself, 2 near it or a small area, 3 a larger region. */
export type GeoPrecision = 1 | 2 | 3;

export interface EventLocation {
  name: string;
  entityId?: string;
  admin1?: string;
  lat?: number;
  lon?: number;
  geoPrecision: GeoPrecision;
}

export interface Fatalities {
  /** The lowest credible figure (ACLED: "several" 3, "dozens" 12, "hundreds" 100); 0 when unstated. */
  count: number;
  /** The words it came from ("at least 12 people were killed"). */
  text?: string;
}

/** Who speaks about responsibility, or who is said to be responsible. */
export interface Party {
  name: string;
  entityId?: string;
}

export type Stance = 'claimed' | 'alleged' | 'denied';

/** One statement about who did it: "X claimed responsibility", "according to Y, jets of Z", "X denied". */
export interface AttributionStatement {
  stance: Stance;
  /** Who makes the statement (for a claim or a denial, the actor itself). */
  by: Party;
  /** Who the statement says acted (for a claim, the claimant; for an allegation, the accused). */
  about?: Party;
  /** The words that carried it ("claimed responsibility", "according to"). */
  cue: string;
}

/**
 * Attribution as Airwars grades it: whether the text names the perpetrator or calls it unidentified,
 * and what was claimed, alleged and denied, by whom.
 */
export interface Attribution {
  perpetrator: 'named' | 'unidentified' | 'unknown';
  statements: AttributionStatement[];
  /** claimed: a belligerent accepted responsibility; contested: competing claims or a claim and a denial. */
  status: 'claimed' | 'alleged' | 'denied' | 'contested' | 'unknown';
}

/** An entity mentioned in the clipped text. */
export interface ClipEntity {
  id: string;
  name: string;
  kind: 'actor' | 'location';
  category: string;
  camp?: string;
  /** 'ner' for names the general NER layer found (not in the knowledge base). */
  source: 'kb' | 'ner';
  /** How many times the clipped text mentions it. */
  mentions: number;
  lat?: number;
  lon?: number;
  admin1?: string;
}

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** What the page says about the article. */
export interface ArticleMeta {
  /** Canonical URL (link rel=canonical / og:url), else the page URL without its fragment. */
  url: string;
  /** The URL the reader had open. */
  pageUrl: string;
  title: string;
  /** Site name (og:site_name, JSON-LD publisher), else the host name. */
  outlet: string;
  author?: string;
  /** The publication timestamp as the page states it. */
  published?: string;
  /** The publication day, in the article's own offset where it says one. */
  publishedDay?: IsoDay;
  /** Where the publication date was read. */
  publishedFrom?: 'meta' | 'json-ld' | 'time' | 'dateline';
  language?: string;
}

export type ClipMethod = 'button' | 'selection' | 'context-menu' | 'keyboard';

/** Version of the record's shape, stored in each record (imports and upgrades read it). */
export const CLIP_RECORD_VERSION = 1;

/** What the text says happened: the ACLED-style event and its Airwars-style attribution (lib/extraction/event.ts). */
export interface EventAnalysis {
  event: EventClass;
  actor1?: EventActor;
  actor2?: EventActor;
  assocActors1: EventActor[];
  assocActors2: EventActor[];
  location?: EventLocation;
  fatalities: Fatalities;
  attribution: Attribution;
}

export interface ClipRecord extends EventAnalysis {
  /** Stable: derived from the article URL and the normalised paragraph text. */
  id: string;
  version: number;
  /** The paragraph, whitespace collapsed. */
  text: string;
  /** When the reader selected part of the paragraph: that part (the paragraph is kept as context). */
  selection?: string;
  article: ArticleMeta;
  /** ISO timestamp of the clip. */
  clippedAt: string;
  /** ISO timestamp of the last change to the record. */
  updatedAt: string;
  method: ClipMethod;
  eventDate: EventDate;
  entities: ClipEntity[];
  selectors: Selector[];
  /** Present once the reader corrected the extraction: which fields are theirs, and what was read. */
  edits?: ReaderEdits;
  /**
   * The reader's grouping, set by merging or splitting events in the timeline: clips that share it are one
   * event whatever the automatic grouping says (lib/timeline/group.ts); `solo:` values keep a clip apart.
   */
  eventGroup?: string;
}

/** The fields of the event the reader may correct in the timeline. */
export type EditableField = 'eventDate' | 'event' | 'actor1' | 'actor2' | 'location';

/** A correction: each field given replaces the extraction's; `null` clears an actor or the place. */
export interface ClipEdit {
  eventDate?: EventDate;
  event?: EventClass;
  actor1?: EventActor | null;
  actor2?: EventActor | null;
  location?: EventLocation | null;
}

/** The reader's corrections, kept with the record and shown as theirs. */
export interface ReaderEdits {
  /** Fields the reader set, in the order first edited. */
  fields: EditableField[];
  /** ISO timestamp of the last edit. */
  editedAt: string;
  /** The extraction's own values of those fields (null where it had none), so they can be shown or restored. */
  original: {
    eventDate?: EventDate;
    event?: EventClass;
    actor1?: EventActor | null;
    actor2?: EventActor | null;
    location?: EventLocation | null;
  };
}
