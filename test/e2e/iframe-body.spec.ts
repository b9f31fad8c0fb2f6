import { editorSuite } from './editor-suite';

editorSuite('iframe-body', [
  { path: 'iframe-body.html', editor: 'ueditor', family: 'iframe-body' },
  { path: 'iframe-body.html?shape=kindeditor', editor: 'kindeditor', family: 'iframe-body' },
  { path: 'tinymce.html', editor: 'tinymce', family: 'iframe-body' },
]);
