import { editorSuite } from './editor-suite';

editorSuite('contenteditable', [{ path: 'contenteditable.html', editor: 'contenteditable', family: 'contenteditable' }]);
