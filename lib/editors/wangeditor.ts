import { richRegion } from './rich';
import type { EditorAdapter } from './types';

// wangEditor 5 renders through Slate: empty lines hold a zero-width span (data-slate-zero-width,
// "\uFEFF" plus <br>) and the placeholder is a contenteditable=false span; neither is draft text.

function skip(el: Element): boolean {
  return el.hasAttribute('data-slate-zero-width') || el.hasAttribute('data-slate-placeholder');
}

/** Slate editables; named wangeditor inside a wangEditor container. */
export const wangeditor: EditorAdapter = {
  family: 'wangeditor',
  find: (doc) => [...doc.querySelectorAll<HTMLElement>('[data-slate-editor]')],
  region: (root) => richRegion('wangeditor', root.closest('.w-e-text-container') ? 'wangeditor' : 'slate', root, skip),
};
