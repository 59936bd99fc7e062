/**
 * The timeline as a point layer for QGIS or geojson.io: RFC 7946 (https://www.rfc-editor.org/rfc/rfc7946),
 * so WGS84 [longitude, latitude] and no `crs` member; flat string/number properties named as the CSV's
 * columns, so that a layer joined with the spreadsheet matches column for column.
 */
import type { TimelineEvent } from '../timeline/types';
import { acledRow, eventPoint, type AcledColumn, type Cell } from './event-fields';

/** The CSV columns a map layer needs; latitude and longitude are the geometry. */
const PROPERTIES = [
  'event_id_cnty', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'location',
  'admin1', 'geo_precision', 'fatalities', 'source', 'source_url', 'notes', 'airwars_grade', 'attribution_status',
  'source_count', 'clip_ids',
] as const satisfies readonly AcledColumn[];

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<(typeof PROPERTIES)[number], Cell>;
}

export interface EventCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
}

export interface GeoJsonExport {
  collection: EventCollection;
  /** The file's text, pretty-printed (2 spaces). */
  text: string;
  /** Events on the map, and events left out for want of coordinates (to tell the reader). */
  placed: number;
  unplaced: number;
}

/** One Point per event whose place has coordinates (the lead's, rounded to 4 decimals as ACLED's). */
export function toGeoJson(events: readonly TimelineEvent[]): GeoJsonExport {
  const features: PointFeature[] = [];
  for (const event of events) {
    const coordinates = eventPoint(event);
    if (!coordinates) continue;
    const row = acledRow(event);
    const properties = Object.fromEntries(PROPERTIES.map((name) => [name, row[name]])) as PointFeature['properties'];
    features.push({ type: 'Feature', id: event.id, geometry: { type: 'Point', coordinates }, properties });
  }
  const collection: EventCollection = { type: 'FeatureCollection', features };
  return {
    collection,
    text: `${JSON.stringify(collection, null, 2)}\n`,
    placed: features.length,
    unplaced: events.length - features.length,
  };
}
