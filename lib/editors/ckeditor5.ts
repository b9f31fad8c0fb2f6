import { richRegion } from './rich';
import type { EditorAdapter } from './types';

// CKEditor 5's editing view keeps UI inside the editable: widget type-around buttons, the fake
// selection container and filler <br data-cke-filler>; none of it is draft text.

function skip(el: Element): boolean {
  if (el.hasAttribute('data-cke-filler')) return true;
  const cls = el.classList;
  return cls.contains('ck-widget__type-around') || cls.contains('ck-fake-selection-container') || cls.contains('ck-widget__resizer');
}

/** CKEditor 5 editables (classic, inline, balloon and decoupled). */
export const ckeditor5: EditorAdapter = {
  family: 'ckeditor5',
  find: (doc) => [...doc.querySelectorAll<HTMLElement>('.ck-editor__editable[contenteditable]')],
  region: (root) => richRegion('ckeditor5', 'ckeditor5', root, skip),
};
