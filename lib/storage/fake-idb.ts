/**
 * fake-indexeddb for tests, one fresh factory per test so that tests share no database.
 *
 * idb recognises IndexedDB objects with `instanceof` against the global classes (IDBRequest,
 * IDBTransaction, ...; see node_modules/idb/build/index.js), which Node lacks: those classes are installed
 * globally, but not `indexedDB`, so code that forgets to use the factory it was given fails in tests.
 */
import * as fakeIndexedDb from 'fake-indexeddb';
import { IDBFactory } from 'fake-indexeddb';

const CLASS_NAMES = [
  'IDBCursor',
  'IDBCursorWithValue',
  'IDBDatabase',
  'IDBFactory',
  'IDBIndex',
  'IDBKeyRange',
  'IDBObjectStore',
  'IDBOpenDBRequest',
  'IDBRequest',
  'IDBTransaction',
  'IDBVersionChangeEvent',
] as const;

export function installIdbClasses(): void {
  for (const name of CLASS_NAMES) {
    if (name in globalThis) continue;
    const value = fakeIndexedDb[name];
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false });
  }
}

/** A new, empty IndexedDB. */
export function freshFactory(): IDBFactory {
  installIdbClasses();
  return new IDBFactory();
}
