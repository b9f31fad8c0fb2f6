OA.draft().then(function (d) {
  OA.fill(d);
  var W = window.wangEditor;
  var editor = W.createEditor({ selector: '#w-editor', html: OA.html(d.paragraphs), config: { placeholder: '请输入正文' }, mode: 'default' });
  W.createToolbar({ editor: editor, selector: '#w-toolbar', config: { toolbarKeys: ['bold', 'italic', 'undo', 'redo'] }, mode: 'simple' });
  // wangEditor renders in later tasks and patches attributes after the paragraphs appear: hand
  // over once the editor is complete and the DOM has been still for two animation frames.
  var root = null;
  var quiet = 0;
  var watch = new MutationObserver(function () { quiet = 0; });
  var wait = function () {
    if (!root) {
      root = document.querySelector('#w-editor [data-slate-editor]');
      if (root) watch.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    if (!root || root.querySelectorAll('p').length < d.paragraphs.length || ++quiet < 3) return requestAnimationFrame(wait);
    watch.disconnect();
    OA.ready({ output: function () { return editor.getHtml(); }, roots: function () { return [root]; }, end: function () { editor.focus(true); } });
  };
  requestAnimationFrame(wait);
});
