import { editorSuite } from './editor-suite';

editorSuite('textarea', [{ path: 'textarea.html', editor: 'textarea', family: 'textarea', mirror: true }]);
