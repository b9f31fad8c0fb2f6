import { richRegion } from './rich';
import type { EditorAdapter } from './types';

// UEditor, KindEditor, TinyMCE and CKEditor 4 edit a whole document: the body of an iframe
// (about:blank, srcdoc or javascript: src) made editable by contenteditable or designMode. The
// content script runs inside that frame (allFrames + matchAboutBlank), so the root is its own body.

function editorName(body: HTMLElement): string {
  if (body.id === 'tinymce' || body.classList.contains('mce-content-body')) return 'tinymce';
  if (body.classList.contains('ke-content')) return 'kindeditor';
  if (body.classList.contains('cke_editable')) return 'ckeditor4';
  if (body.classList.contains('view')) return 'ueditor';
  return 'iframe-body';
}

/** Bookmarks and helper nodes editors keep in the body while editing. */
function skip(el: Element): boolean {
  if (el.getAttribute('data-mce-bogus') === 'all' || el.getAttribute('data-mce-type') === 'bookmark') return true;
  const id = el.id;
  return id.startsWith('_baidu_bookmark') || id.startsWith('__kindeditor_bookmark');
}

/** The document body when the whole document is the editor. */
export const iframeBody: EditorAdapter = {
  family: 'iframe-body',
  find(doc) {
    const body = doc.body;
    if (!body) return [];
    return body.isContentEditable || doc.designMode === 'on' ? [body] : [];
  },
  region: (root) => richRegion('iframe-body', editorName(root), root, skip),
};
