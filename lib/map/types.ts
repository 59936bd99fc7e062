/** [longitude, latitude] in decimal degrees, GeoJSON order. */
export type Position = readonly [number, number];
/** [minLon, minLat, maxLon, maxLat], GeoJSON bbox order. */
export type BBox = readonly [number, number, number, number];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
  bbox?: BBox;
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
  bbox?: BBox;
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** lib/map/data/libya-outline.json, written by tests/tools/build-outline.mjs. */
export interface OutlineData {
  source: string;
  /** Libya's extent: what the map fits to. */
  bbox: BBox;
  /** The box the neighbours were clipped to: the map draws nothing beyond it. */
  frame: BBox;
  libya: AreaGeometry;
  neighbours: { id: string; name: string; geometry: AreaGeometry }[];
  /** Reference labels, coordinates copied from the gazetteer at build time. */
  labels: { key: string; name: string; lat: number; lon: number }[];
}

/** One place with clipped events, as the map draws it. */
export interface MapPoint {
  /** The place entity id (`place:tripoli`) or `name:<name>` for places outside the gazetteer. */
  key: string;
  name: string;
  lat: number;
  lon: number;
  /** Events at this place. */
  count: number;
}

/** What a selection hands back. */
export interface MapPlace {
  key: string;
  name: string;
}
