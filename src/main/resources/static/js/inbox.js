// The agent's inbox: live updates from the server's event stream, canned answers by typing "/", keyboard shortcuts.
(function () {
  var root = document.getElementById('inbox');
  if (!root) { return; }
  var canned = JSON.parse((document.getElementById('canned-data') || {}).textContent || '[]');
  var listTimer = null;

  function currentId() {
    var c = document.getElementById('conversation');
    return c ? c.getAttribute('data-id') : '';
  }

  function fetchHtml(url) {
    return fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { return new DOMParser().parseFromString(html, 'text/html'); });
  }

  function refreshList() {
    clearTimeout(listTimer);
    listTimer = setTimeout(function () {
      var params = new URLSearchParams(location.search);
      params.delete('cursor');
      if (currentId()) { params.set('c', currentId()); }
      fetchHtml(root.getAttribute('data-list-url') + '?' + params).then(function (doc) {
        var fresh = doc.getElementById('conversation-list');
        var old = document.getElementById('conversation-list');
        if (fresh && old) { old.replaceWith(fresh); }
      });
    }, 200);
  }

  // The thread and its header come again; the reply box keeps what the agent is typing.
  function refreshThread() {
    var id = currentId();
    if (!id) { return; }
    fetchHtml(root.getAttribute('data-thread-url').replace('ID', id)).then(function (doc) {
      ['thread', 'conversation-status', 'conversation-tags'].forEach(function (part) {
        var fresh = doc.getElementById(part);
        var old = document.getElementById(part);
        if (fresh && old) { old.replaceWith(fresh); }
      });
      var head = doc.querySelector('.thread-head');
      var oldHead = document.querySelector('.thread-head');
      if (head && oldHead) { oldHead.replaceWith(head); }
      var actions = doc.querySelector('#conversation .actions');
      var oldActions = document.querySelector('#conversation .actions');
      if (actions && oldActions) { oldActions.replaceWith(actions); if (window.htmx) { htmx.process(actions); } }
      scrollThread();
    });
  }

  function scrollThread() {
    var thread = document.getElementById('thread');
    if (thread) { thread.scrollTop = thread.scrollHeight; }
  }

  if (window.EventSource) {
    var source = new EventSource(root.getAttribute('data-live-url'));
    ['message', 'status', 'conversation'].forEach(function (name) {
      source.addEventListener(name, function (e) {
        var event = JSON.parse(e.data);
        refreshList();
        if (event.conversationId && event.conversationId === currentId()) { refreshThread(); }
      });
    });
    source.addEventListener('hello', function () { root.setAttribute('data-live', 'on'); });
  }

  // Canned answers: "/" then part of a shortcut or name; Enter or a click puts the answer in the box.
  var chosen = 0;
  function menu() { return document.getElementById('canned-menu'); }
  function matches(text) {
    var q = text.slice(1).toLowerCase();
    return canned.filter(function (t) {
      return t.shortcut.indexOf(q) === 0 || t.name.toLowerCase().indexOf(q) >= 0;
    }).slice(0, 8);
  }
  function showMenu(box) {
    var m = menu();
    if (!m) { return; }
    var found = box.value.charAt(0) === '/' && box.value.indexOf('\n') < 0 ? matches(box.value) : [];
    m.innerHTML = '';
    found.forEach(function (t, i) {
      var option = document.createElement('button');
      option.type = 'button';
      option.className = 'canned-option' + (i === chosen ? ' chosen' : '');
      option.setAttribute('role', 'option');
      option.setAttribute('data-shortcut', t.shortcut);
      option.textContent = '/' + t.shortcut + ' — ' + t.name;
      option.addEventListener('mousedown', function (e) { e.preventDefault(); pick(box, t); });
      m.appendChild(option);
    });
    m.hidden = found.length === 0;
    return found;
  }
  function pick(box, template) {
    box.value = template.content;
    var hidden = document.getElementById('reply-template');
    if (hidden) { hidden.value = template.id; }
    menu().hidden = true;
    box.focus();
  }

  document.addEventListener('input', function (e) {
    if (e.target.id !== 'reply-content') { return; }
    chosen = 0;
    if (e.target.value === '') { document.getElementById('reply-template').value = ''; }
    showMenu(e.target);
  });

  document.addEventListener('keydown', function (e) {
    var box = document.getElementById('reply-content');
    if (box && e.target === box) {
      var m = menu();
      if (m && !m.hidden) {
        var found = matches(box.value);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          chosen = (chosen + (e.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
          showMenu(box);
          e.preventDefault();
          return;
        }
        if (e.key === 'Enter' || e.key === 'Tab') { pick(box, found[chosen]); e.preventDefault(); return; }
        if (e.key === 'Escape') { m.hidden = true; return; }
      }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        box.form.requestSubmit();
      }
      return;
    }
    // Alt+↓ / Alt+↑: the next or previous conversation; "r": to the reply box.
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      var links = Array.from(document.querySelectorAll('.conversation-link'));
      var at = links.findIndex(function (a) { return a.getAttribute('data-id') === currentId(); });
      var next = links[at + (e.key === 'ArrowDown' ? 1 : -1)] || links[0];
      if (next) { next.click(); }
      e.preventDefault();
    } else if (e.key === 'r' && !/INPUT|TEXTAREA|SELECT/.test(e.target.tagName) && box) {
      box.focus();
      e.preventDefault();
    }
  });

  document.addEventListener('htmx:afterSwap', function () {
    scrollThread();
    refreshList();
    var box = document.getElementById('reply-content');
    if (box) { box.focus(); }
  });
  scrollThread();
})();
