OA.draft().then(function (d) {
  OA.fill(d);
  tinymce.init({
    selector: '#editor',
    license_key: 'gpl',
    base_url: '/vendor/tinymce',
    suffix: '.min',
    menubar: false,
    statusbar: false,
    promotion: false,
    branding: false,
    plugins: [],
    toolbar: 'undo redo | bold italic',
    height: 420,
    content_style: 'body{font:16px/1.8 "WenQuanYi Micro Hei",sans-serif} p{margin:0 0 6px}',
    setup: function (ed) {
      ed.on('init', function () {
        ed.setContent(OA.html(d.paragraphs));
        OA.ready({ output: function () { return ed.getContent(); }, roots: function () { return [ed.getBody()]; }, end: function () { ed.focus(); ed.selection.select(ed.getBody(), true); ed.selection.collapse(false); } });
      });
    },
  });
});
