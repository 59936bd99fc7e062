// Reading the extension's stored clips straight from its IndexedDB, in the service worker (or an extension
// page), without going through the extension's own code: what the tests, the demo and the sweep check against.

/** Every stored record of the `clips` store (empty before the database exists). `target` is a Worker or Page. */
export function readStoredClips(target) {
  return target.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('libya-lens');
        let absent = false;
        // Opening a name that does not exist creates an empty version-1 database, which the extension would
        // then have to upgrade from: abort that creation, there is nothing to read yet.
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction.abort();
        };
        open.onerror = () => (absent ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('clips')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('clips').objectStore('clips').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}
