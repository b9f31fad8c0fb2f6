// Scaffold shared by the OA pages: loads the draft and, once the editor is ready, records every
// mutation of the editor in the page's own world (window.__mutations) and exposes the editor's
// own output (window.__page.output()) so tests can prove fashen changed nothing.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  function escape(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
    });
  }
  function describe(r) {
    var t = r.target;
    var name = t.nodeType === 1 ? t.nodeName + (t.id ? '#' + t.id : '') + (t.className && typeof t.className === 'string' ? '.' + t.className.split(' ').join('.') : '') : t.nodeName;
    return r.type + ' ' + name + (r.attributeName ? ' @' + r.attributeName : '') + (r.addedNodes.length ? ' +' + r.addedNodes.length : '') + (r.removedNodes.length ? ' -' + r.removedNodes.length : '');
  }
  window.OA = {
    params: params,
    draft: function () {
      return fetch('/draft.json?name=' + encodeURIComponent(params.get('draft') || 'small')).then(function (r) {
        return r.json();
      });
    },
    html: function (paragraphs) {
      return paragraphs.map(function (p) { return '<p>' + escape(p) + '</p>'; }).join('');
    },
    fill: function (draft) {
      var title = document.getElementById('title');
      if (title) title.value = draft.title;
    },
    /** api: { output(): string, roots(): Node[], end(): void (focus, caret at the end of the draft) } */
    ready: function (api) {
      window.__mutations = [];
      api.roots().forEach(function (root) {
        new root.ownerDocument.defaultView.MutationObserver(function (records) {
          records.forEach(function (r) { window.__mutations.push(describe(r)); });
        }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      window.__page = api;
      window.__ready = true;
    },
  };
})();
