OA.draft().then(function (d) {
  OA.fill(d);
  var ed = document.getElementById('editor');
  ed.innerHTML = OA.html(d.paragraphs);
  OA.ready({ output: function () { return ed.innerHTML; }, roots: function () { return [ed]; }, end: function () { ed.focus(); getSelection().collapse(ed.lastElementChild, ed.lastElementChild.childNodes.length); } });
});
