import { editorSuite } from './editor-suite';

editorSuite('ckeditor5', [{ path: 'ckeditor5.html', editor: 'ckeditor5', family: 'ckeditor5' }]);
