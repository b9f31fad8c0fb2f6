import type { Region } from './types';

/** The state of an edit watch; `composing` is true while an IME composition is open. */
export interface EditWatch {
  readonly composing: boolean;
}

/**
 * Hear edits of a region: `input` events, DOM mutations (editors that re-render without an input
 * event, scripts that load a draft), and IME compositions. While a composition is open (Chinese
 * pinyin input) nothing is reported; compositionend reports once. `onEdit` gets the input event's
 * timeStamp when the edit came from one, for latency measurement.
 */
export function watchEdits(region: Region, onEdit: (inputAt?: number) => void, signal: AbortSignal): EditWatch {
  const root = region.root;
  const win = root.ownerDocument.defaultView;
  const state = { composing: false };
  const opts = { capture: true, passive: true, signal } as const;

  root.addEventListener('compositionstart', () => (state.composing = true), opts);
  root.addEventListener(
    'compositionend',
    (e) => {
      state.composing = false;
      onEdit(e.timeStamp);
    },
    opts,
  );
  root.addEventListener(
    'input',
    (e) => {
      if (state.composing || (e as InputEvent).isComposing) return;
      onEdit(e.timeStamp);
    },
    opts,
  );

  if (region.kind === 'plain') {
    // Scripts set textarea.value without an input event; re-read when the user comes back to it.
    root.addEventListener('focus', () => onEdit(), opts);
    root.addEventListener('change', () => onEdit(), opts);
  } else if (win) {
    const observer = new win.MutationObserver(() => {
      if (!state.composing) onEdit();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect());
  }
  return state;
}
