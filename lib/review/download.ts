import { Packer } from 'docx';
import type { Lang } from '../engine/types';
import { buildOpinion, opinionDocument, opinionHtml, type Opinion, type OpinionOptions } from './export';

// The review opinion as files (issue 5): .docx through the docx package, printable HTML, and a
// print view. The HTML goes into a blob: page of its own, never into the panel's DOM: the draft's
// text is shown in the panel as React text only.

/** The file formats of the export. */
export type OpinionFormat = 'docx' | 'html';

const PREFIX: Record<Lang, string> = { 'zh-CN': '合法性审核意见', en: 'legality-review-opinion' };
const MIME: Record<OpinionFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
};

/**
 * 合法性审核意见-<title>-<date>.<ext>: characters Windows and macOS refuse in names replaced,
 * whitespace collapsed, the title cut to 60 characters so the whole name stays well within limits.
 */
export function opinionFileName(title: string | null, date: string, format: OpinionFormat, lang: Lang = 'zh-CN'): string {
  const clean = (title ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const cut = [...clean].slice(0, 60).join('');
  const safeDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '';
  return `${[PREFIX[lang], cut, safeDate].filter(Boolean).join('-')}.${format}`;
}

/** The opinion as a file of the format. */
export async function opinionBlob(input: OpinionOptions | Opinion, format: OpinionFormat): Promise<Blob> {
  const o = 'items' in input ? input : buildOpinion(input);
  if (format === 'html') return new Blob([opinionHtml(o)], { type: MIME.html });
  const blob = await Packer.toBlob(opinionDocument(o));
  return blob.type ? blob : new Blob([blob], { type: MIME.docx });
}

/** Save a blob under a name through a temporary <a download>. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has taken the bytes by the next tasks; a minute leaves room for slow disks
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Build the opinion in a format and download it; returns the file name. */
export async function downloadOpinion(input: OpinionOptions | Opinion, format: OpinionFormat, lang: Lang): Promise<string> {
  const o = 'items' in input ? input : buildOpinion(input);
  const title = 'items' in input ? null : input.title !== undefined ? input.title : input.report.title;
  const date = 'items' in input ? '' : input.date;
  const name = opinionFileName(title, date, format, lang);
  saveBlob(await opinionBlob(o, format), name);
  return name;
}

/**
 * Open the printable HTML in a new tab and ask it to print. The page is a blob: URL of the
 * extension's own origin, so the panel may call print() on it; no script runs inside the page.
 * Returns false when the browser blocked the new window.
 */
export function printOpinion(input: OpinionOptions | Opinion): boolean {
  const html = opinionHtml('items' in input ? input : buildOpinion(input));
  const url = URL.createObjectURL(new Blob([html], { type: MIME.html }));
  const w = window.open(url, '_blank');
  if (!w) {
    URL.revokeObjectURL(url);
    return false;
  }
  const print = (): void => {
    try {
      w.focus();
      w.print();
    } catch {
      // a browser that isolates the new tab: the reviewer prints from it by hand
    }
  };
  try {
    if (w.document.readyState === 'complete' && w.location.href === url) print();
    else w.addEventListener('load', print, { once: true });
  } catch {
    // not reachable (cross-origin): the page is open, printing is left to the reviewer
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
