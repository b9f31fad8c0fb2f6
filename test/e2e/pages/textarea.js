OA.draft().then(function (d) {
  OA.fill(d);
  var ta = document.getElementById('editor');
  ta.value = d.paragraphs.join('\n');
  OA.ready({ output: function () { return ta.value; }, roots: function () { return [ta.parentNode]; }, end: function () { ta.focus(); ta.setSelectionRange(ta.value.length, ta.value.length); } });
});
