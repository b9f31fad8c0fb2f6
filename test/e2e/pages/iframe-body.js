// UEditor writes its editing document into a javascript: iframe and sets body.contentEditable;
// KindEditor writes into an about:blank iframe and turns designMode on (?shape=kindeditor).
OA.draft().then(function (d) {
  OA.fill(d);
  var shape = OA.params.get('shape') || 'ueditor';
  var head = '<style>body{margin:8px 12px;font:16px/1.8 "WenQuanYi Micro Hei",sans-serif;}p{margin:0 0 6px;}</style>';
  var iframe = document.createElement('iframe');
  iframe.id = shape + '_0';
  iframe.style.cssText = 'width:100%;height:400px;border:1px solid #c9cdd4;background:#fff';
  var setUp = function () {
    var doc = iframe.contentDocument;
    if (shape === 'kindeditor') {
      doc.open();
      doc.write('<!doctype html><html><head>' + head + '</head><body class="ke-content"></body></html>');
      doc.close();
      doc.body.innerHTML = OA.html(d.paragraphs);
      doc.designMode = 'on';
    } else {
      doc.body.innerHTML = OA.html(d.paragraphs);
      doc.body.contentEditable = true;
    }
    OA.ready({
      output: function () { return iframe.contentDocument.body.innerHTML; },
      roots: function () { return [iframe.contentDocument.body]; },
      end: function () {
        var doc = iframe.contentDocument;
        iframe.contentWindow.focus();
        doc.body.focus();
        var last = doc.body.lastElementChild;
        doc.getSelection().collapse(last, last.childNodes.length);
      },
    });
  };
  if (shape === 'kindeditor') {
    document.getElementById('slot').append(iframe);
    setUp();
  } else {
    iframe.addEventListener('load', setUp, { once: true });
    iframe.src = "javascript:void(function(){document.open();document.write('<!DOCTYPE html><html><head>" + head.replace(/"/g, '\\"') + "</head><body class=\"view\"></body></html>');document.close();}())";
    document.getElementById('slot').append(iframe);
  }
});
