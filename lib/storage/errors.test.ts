import { describe, expect, it } from 'vitest';
import { StorageError, classifyOpenError, isQuotaError, toStorageError } from './errors';

const dom = (name: string) => new DOMException('detail', name);

describe('toStorageError', () => {
  it.each([
    ['QuotaExceededError', 'quota', false],
    ['InvalidStateError', 'closed', true],
    ['VersionError', 'version', false],
    ['UnknownError', 'unknown', true],
    ['AbortError', 'unknown', true],
    ['TransactionInactiveError', 'unknown', true],
    ['ConstraintError', 'unknown', false],
    ['DataCloneError', 'unknown', false],
    ['DataError', 'unknown', false],
  ] as const)('%s → %s, retryable %s', (name, code, retryable) => {
    const cause = dom(name);
    const error = toStorageError(cause, 'save');
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code, retryable, cause, action: 'save' });
    expect(error.message).not.toMatch(/Error/);
  });

  it('recognises the quota in a cause, in Firefox legacy names and in the legacy code', () => {
    expect(isQuotaError(new Error('commit failed', { cause: dom('QuotaExceededError') }))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(dom('AbortError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });

  it('keeps non-IndexedDB errors, not retryable', () => {
    const cause = new TypeError('bad');
    expect(toStorageError(cause, 'read')).toMatchObject({ code: 'unknown', retryable: false, cause });
    expect(toStorageError('a string', 'read')).toMatchObject({ code: 'unknown', retryable: false });
  });

  it('passes a StorageError through', () => {
    const error = new StorageError('blocked', { action: 'open' });
    expect(toStorageError(error, 'save')).toBe(error);
  });
});

describe('classifyOpenError', () => {
  it('does not read InvalidStateError from open() as a closed connection', () => {
    // Firefox private windows before 115.
    expect(classifyOpenError(dom('InvalidStateError'))).toMatchObject({ code: 'unknown', retryable: false });
    expect(classifyOpenError(dom('VersionError'))).toMatchObject({ code: 'version', action: 'open' });
    expect(classifyOpenError(dom('UnknownError'))).toMatchObject({ code: 'unknown', retryable: true });
  });
});

describe('messages', () => {
  it('tells the reader what did not happen and what to do', () => {
    expect(new StorageError('quota', { action: 'save' }).message).toBe(
      "Your browser's storage for Libya Lens is full: the clip was not saved. " +
        'Free some disk space or delete old clips, then retry.',
    );
    expect(new StorageError('quota', { action: 'import' }).message).toMatch(/full: no clips were imported/);
    expect(new StorageError('blocked', { action: 'open' }).message).toMatch(/Close other Libya Lens tabs/);
    expect(new StorageError('unknown', { action: 'delete' }).message).toMatch(/could not delete the clip/);
  });

  it('retells an open failure as the failure of the operation, keeping a custom message', () => {
    const version = new StorageError('version', { action: 'open' }).as('save');
    expect(version).toMatchObject({ code: 'version', action: 'save', retryable: false });
    expect(version.message).toMatch(/so the clip was not saved/);
    const custom = new StorageError('unknown', { action: 'open', message: 'Upgrade failed.' }).as('read');
    expect(custom.message).toBe('Upgrade failed.');
    expect(custom.action).toBe('read');
  });
});
