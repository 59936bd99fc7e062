import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { toGeoJson } from './geojson';
import { eventOf, mitigaReports } from './test-events';

const tripoli = (): ClipRecord =>
  makeClip({
    id: 'clip-tripoli',
    location: { name: 'Tripoli', admin1: 'Tripoli', lat: 32.887209, lon: 13.191338, geoPrecision: 1 },
  });

describe('toGeoJson', () => {
  it('writes valid RFC 7946 GeoJSON with [lon, lat] points and no crs', () => {
    const events = [eventOf(mitigaReports(), 'fair'), eventOf([tripoli()])];
    const { text, collection } = toGeoJson(events);
    expect(() => check(text)).not.toThrow();
    // The validator is live: a one-number position is refused.
    const broken = { type: 'Feature', geometry: { type: 'Point', coordinates: [13.19] }, properties: {} };
    expect(() => check(JSON.stringify(broken))).toThrow();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('crs');
    expect(parsed).toEqual(collection);
    const [lon, lat] = collection.features[1]!.geometry.coordinates;
    // Tripoli is at about 32.89° N, 13.19° E: swapped axes would put it in the Indian Ocean.
    expect(lat).toBeCloseTo(32.89, 2);
    expect(lon).toBeCloseTo(13.19, 2);
    expect([lon, lat]).toEqual([13.1913, 32.8872]);
  });

  it('leaves out events without coordinates and says how many', () => {
    const events = [
      eventOf([tripoli()]),
      eventOf([makeClip({ location: undefined })]),
      eventOf([makeClip({ location: { name: 'Wadi Bay', geoPrecision: 2 } })]),
      eventOf([makeClip({ location: { name: 'Nowhere', lat: 132.9, lon: 13.2, geoPrecision: 1 } })]),
    ];
    const result = toGeoJson(events);
    expect(result).toMatchObject({ placed: 1, unplaced: 3 });
    expect(result.collection.features.map((f) => f.id)).toEqual(['clip-tripoli']);
    expect(() => check(result.text)).not.toThrow();
  });

  it('gives each feature the event id and flat properties named as the CSV columns', () => {
    const clips = mitigaReports();
    const [feature] = toGeoJson([eventOf(clips, 'fair')]).collection.features;
    expect(feature!.id).toBe('clip-mitiga-a');
    expect(feature!.properties).toMatchObject({
      event_date: '2019-08-30',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actor1: 'Military Forces of Libya (2014-) Libyan National Army',
      actor2: 'Civilians (Libya)',
      location: 'Mitiga Airport',
      admin1: 'Tripoli',
      geo_precision: 1,
      fatalities: 3,
      source: 'Example News; Reuters',
      source_url: `${clips[0]!.article.url}; ${clips[1]!.article.url}`,
      notes: clips[0]!.text,
      airwars_grade: 'fair',
      attribution_status: 'contested',
      source_count: 2,
      clip_ids: 'clip-mitiga-a; clip-mitiga-b; clip-mitiga-c',
    });
    for (const value of Object.values(feature!.properties)) expect(['string', 'number']).toContain(typeof value);
  });

  it('writes an empty collection for no events', () => {
    const result = toGeoJson([]);
    expect(result).toMatchObject({ placed: 0, unplaced: 0 });
    expect(check(result.text)).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
