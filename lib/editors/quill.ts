import { richRegion } from './rich';
import type { EditorAdapter } from './types';

// Quill 2 puts list markers in contenteditable=false `.ql-ui` spans inside the editor.

function skip(el: Element): boolean {
  return el.classList.contains('ql-ui') || el.classList.contains('ql-cursor');
}

/** Quill editors (`.ql-editor` inside `.ql-container`). */
export const quill: EditorAdapter = {
  family: 'quill',
  find: (doc) => [...doc.querySelectorAll<HTMLElement>('.ql-container > .ql-editor')],
  region: (root) => richRegion('quill', 'quill', root, skip),
};
