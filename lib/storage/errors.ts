/**
 * IndexedDB failures, turned into errors the reader can act on. IndexedDB reports everything as a
 * DOMException told apart only by `name` (https://w3c.github.io/IndexedDB/#exceptions), and a failed
 * commit shows up as an `abort` whose cause sits on `transaction.error`, so classification reads names,
 * never classes: the exception may come from another realm (or from fake-indexeddb in tests).
 */

export type StorageErrorCode = 'quota' | 'closed' | 'version' | 'blocked' | 'unknown';

/** What the store was doing; it picks the words of the message. */
export type StorageAction = 'open' | 'save' | 'import' | 'read' | 'update' | 'delete';

const WHAT: Record<StorageAction, string> = {
  open: 'open its storage',
  save: 'save the clip',
  import: 'save the clips',
  read: 'read your clips',
  update: 'save the change to the clip',
  delete: 'delete the clip',
};

const NOT_DONE: Record<StorageAction, string> = {
  open: 'your clips could not be opened',
  save: 'the clip was not saved',
  import: 'no clips were imported',
  read: 'your clips could not be read',
  update: 'the change was not saved',
  delete: 'the clip was not deleted',
};

function messageFor(code: StorageErrorCode, action: StorageAction): string {
  switch (code) {
    case 'quota':
      return (
        `Your browser's storage for Libya Lens is full: ${NOT_DONE[action]}. ` +
        'Free some disk space or delete old clips, then retry.'
      );
    case 'closed':
      return `The browser closed Libya Lens's storage, so ${NOT_DONE[action]}. Retry in a moment.`;
    case 'version':
      return (
        `Your clips were stored by a newer version of Libya Lens, so ${NOT_DONE[action]}. ` +
        'Update or reload the extension, then retry. Your clips are unchanged.'
      );
    case 'blocked':
      return (
        `Another tab or window of Libya Lens is holding its storage open, so ${NOT_DONE[action]}. ` +
        'Close other Libya Lens tabs (timeline, options), then retry.'
      );
    case 'unknown':
      return `Libya Lens could not ${WHAT[action]}. Retry; if it keeps failing, restart the browser.`;
  }
}

export interface StorageErrorInit {
  action: StorageAction;
  cause?: unknown;
  retryable?: boolean;
  /** Replaces the default message (e.g. for a failed upgrade, which the reader should hear about as such). */
  message?: string;
}

/** Retryable unless said otherwise: trying again later may help for these, not for a full disk or a version clash. */
const RETRYABLE: Record<StorageErrorCode, boolean> = {
  quota: false,
  closed: true,
  version: false,
  blocked: true,
  unknown: false,
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;
  readonly action: StorageAction;
  /** Whether trying again (later) may work. */
  readonly retryable: boolean;
  override readonly cause: unknown;
  private readonly customMessage: boolean;

  constructor(code: StorageErrorCode, init: StorageErrorInit) {
    super(init.message ?? messageFor(code, init.action), { cause: init.cause });
    this.code = code;
    this.action = init.action;
    this.retryable = init.retryable ?? RETRYABLE[code];
    this.cause = init.cause;
    this.customMessage = init.message !== undefined;
  }

  /**
   * The same failure, told as the failure of `action`: opening fails on behalf of a save, and the reader
   * should hear that the clip was not saved.
   */
  as(action: StorageAction): StorageError {
    if (action === this.action) return this;
    return new StorageError(this.code, {
      action,
      cause: this.cause,
      retryable: this.retryable,
      message: this.customMessage ? this.message : undefined,
    });
  }

  /** The shape the message protocol sends (ClipError in lib/messaging/protocol.ts). */
  toJSON(): { code: StorageErrorCode; message: string; retryable: boolean } {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

/** The error and its causes, outermost first (a wrapped quota error is still a quota error). */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.includes(current) && seen.length < 8) {
    seen.push(current);
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return seen;
}

/**
 * Firefox before 2023 reported a full disk as NS_ERROR_DOM_QUOTA_REACHED, and legacy code 22 is the old
 * QUOTA_EXCEEDED_ERR (https://developer.mozilla.org/en-US/docs/Web/API/DOMException#quotaexceedederror).
 */
export function isQuotaError(error: unknown): boolean {
  return chain(error).some((e) => {
    const name = errorName(e);
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    return typeof e === 'object' && e !== null && 'code' in e && e.code === 22 && name !== undefined;
  });
}

/**
 * Errors that may pass on their own: an abort nobody asked for (the browser aborts transactions under
 * memory pressure or on shutdown), Chrome's UnknownError for a transient backing-store failure
 * (https://developer.mozilla.org/en-US/docs/Web/API/IDBTransaction/error), a timed-out transaction.
 */
const TRANSIENT = new Set(['AbortError', 'UnknownError', 'TimeoutError', 'TransactionInactiveError']);

/** Classifies any failure of an IndexedDB operation (not of opening: see classifyOpenError). */
export function toStorageError(error: unknown, action: StorageAction): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError('quota', { action, cause: error });
  const name = errorName(error);
  // db.transaction() on a closed connection throws InvalidStateError
  // (https://w3c.github.io/IndexedDB/#dom-idbdatabase-transaction, step 2).
  if (name === 'InvalidStateError') return new StorageError('closed', { action, cause: error });
  if (name === 'VersionError') return new StorageError('version', { action, cause: error });
  return new StorageError('unknown', { action, cause: error, retryable: name !== undefined && TRANSIENT.has(name) });
}

/**
 * Classifies a failure to open. InvalidStateError here does not mean a closed connection: Firefox threw it
 * from open() in private windows before version 115, where no retry helps.
 */
export function classifyOpenError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError('quota', { action: 'open', cause: error });
  const name = errorName(error);
  if (name === 'VersionError') return new StorageError('version', { action: 'open', cause: error });
  return new StorageError('unknown', {
    action: 'open',
    cause: error,
    retryable: name !== undefined && TRANSIENT.has(name),
  });
}
