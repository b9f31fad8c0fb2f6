import { editorSuite } from './editor-suite';

editorSuite('wangeditor', [{ path: 'wangeditor.html', editor: 'wangeditor', family: 'wangeditor' }]);
