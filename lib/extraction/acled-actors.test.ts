import { actors, getEntity } from '../kb';
import { interCode, resolveActorEntry } from './acled-actors';

describe('inter codes (ACLED actor types)', () => {
  const code = (id: string) => interCode(resolveActorEntry(id)!);
  it.each([
    ['actor:libyan-national-army', 1],
    ['actor:government-of-national-accord', 1],
    ['actor:government-of-national-unity', 1],
    ['actor:house-of-representatives', 1],
    ['actor:saiqa', 1],
    ['actor:islamic-state', 2],
    ['actor:ansar-al-sharia-libya', 2],
    ['actor:fact', 2],
    ['actor:rada', 3],
    ['actor:misrata-brigades', 3],
    ['actor:kaniyat', 3],
    ['actor:tebu', 4],
    ['actor:turkey', 8],
    ['actor:wagner-group', 8],
    ['actor:egyptian-air-force', 8],
    ['actor:united-nations', 8],
    ['actor:khalifa-haftar', 1],
    ['actor:recep-tayyip-erdogan', 8],
  ] as const)('%s → %i', (id, inter) => {
    expect(getEntity(id), id).toBeDefined();
    expect(code(id)).toBe(inter);
  });

  it('codes every KB actor with a valid inter code', () => {
    for (const a of actors) expect([0, 1, 2, 3, 4, 5, 6, 7, 8]).toContain(interCode(a));
  });

  it('resolves people to the force they lead', () => {
    expect(resolveActorEntry('actor:khalifa-haftar')?.id).toBe('actor:libyan-national-army');
    expect(resolveActorEntry('actor:fayez-al-sarraj')?.id).toBe('actor:government-of-national-accord');
    expect(resolveActorEntry('actor:abdulrauf-kara')?.id).toBe('actor:rada');
    // No group to stand for them: the person stays.
    expect(resolveActorEntry('actor:saif-al-islam-gaddafi')?.id).toBe('actor:saif-al-islam-gaddafi');
  });
});
