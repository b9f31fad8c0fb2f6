OA.draft().then(function (d) {
  OA.fill(d);
  var C = window.CKEDITOR;
  C.ClassicEditor.create(document.querySelector('#editor'), {
    licenseKey: 'GPL',
    plugins: [C.Essentials, C.Paragraph, C.Bold, C.Italic],
    toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
    initialData: OA.html(d.paragraphs),
  }).then(function (editor) {
    window.__editor = editor;
    OA.ready({
      output: function () { return editor.getData(); },
      roots: function () { return [editor.ui.getEditableElement()]; },
      end: function () {
        editor.editing.view.focus();
        editor.model.change(function (writer) { writer.setSelection(editor.model.document.getRoot(), 'end'); });
      },
    });
  });
});
