import { isEditingHost, richRegion } from './rich';
import type { EditorAdapter } from './types';

// Plain contenteditable hosts (OA systems' home-grown editors, ProseMirror, draft-js, …). Runs
// last: the more specific adapters claim their roots first and the registry skips claimed roots.

function editorName(root: HTMLElement): string {
  if (root.classList.contains('ProseMirror')) return 'prosemirror';
  if (root.classList.contains('public-DraftEditor-content')) return 'draft-js';
  return 'contenteditable';
}

/** Outermost contenteditable elements other than a document body. */
export const contenteditable: EditorAdapter = {
  family: 'contenteditable',
  find(doc) {
    const roots: HTMLElement[] = [];
    for (const el of doc.querySelectorAll<HTMLElement>('[contenteditable]')) {
      if (el === doc.body) continue;
      if (isEditingHost(el)) roots.push(el);
    }
    return roots;
  },
  region: (root) => richRegion('contenteditable', editorName(root), root),
};
