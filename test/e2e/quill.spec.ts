import { editorSuite } from './editor-suite';

editorSuite('quill', [{ path: 'quill.html', editor: 'quill', family: 'quill' }]);
