import { browser } from 'wxt/browser';

/** One storage area's changed keys and their new values. */
export type StorageChanges = Record<string, { newValue?: unknown }>;

/**
 * Call `onChange` with the changes whenever one of `keys` changes in `area` (storage.local for
 * settings and view state, storage.session for the tabs' reports), until `signal` aborts.
 */
export function watchStorage(area: 'local' | 'session', keys: readonly string[], onChange: (changes: StorageChanges) => void, signal: AbortSignal): void {
  const listener = (changes: StorageChanges, changedArea: string): void => {
    if (changedArea === area && keys.some((k) => k in changes)) onChange(changes);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
