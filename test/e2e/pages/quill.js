OA.draft().then(function (d) {
  OA.fill(d);
  var quill = new Quill('#editor', { theme: 'snow', modules: { toolbar: [['bold', 'italic']] } });
  quill.setContents([{ insert: d.paragraphs.join('\n') + '\n' }]);
  OA.ready({
    output: function () { return JSON.stringify({ delta: quill.getContents(), html: quill.getSemanticHTML() }); },
    roots: function () { return [quill.root]; },
    end: function () { quill.focus(); quill.setSelection(quill.getLength() - 1, 0); },
  });
});
