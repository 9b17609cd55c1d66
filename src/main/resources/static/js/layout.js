// Every page's script (the Content-Security-Policy runs no inline script, nor inline event handlers).
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (e) {
    var header = document.querySelector('meta[name=csrf-header]');
    var token = document.querySelector('meta[name=csrf-token]');
    if (header && token) { e.detail.headers[header.content] = token.content; }
  });
  // Phone width: the menu folds behind its button (without script it stays open).
  var menuToggle = document.getElementById('menu-toggle');
  if (menuToggle) {
    menuToggle.addEventListener('click', function () {
      var open = menuToggle.getAttribute('aria-expanded') !== 'true';
      menuToggle.setAttribute('aria-expanded', String(open));
      menuToggle.closest('.topbar').classList.toggle('open', open);
    });
  }
  // A table marked "reflow" stacks its rows at phone width, each cell labelled with its column's heading.
  function labelTables(root) {
    root.querySelectorAll('table.reflow').forEach(function (table) {
      var headings = Array.from(table.querySelectorAll('thead th')).map(function (th) { return th.textContent.trim(); });
      table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.from(row.cells).forEach(function (cell, i) {
          if (headings[i] && !cell.hasAttribute('colspan')) { cell.setAttribute('data-label', headings[i]); }
        });
      });
      table.classList.add('labelled');
    });
  }
  labelTables(document);
  document.addEventListener('htmx:afterSettle', function () { labelTables(document); });

  // Behaviours pages ask for by attribute, also on content htmx brings in later:
  // form[data-confirm] asks first; [data-print] prints; [data-remove-row] removes its table row;
  // select[data-autosubmit] sends its form when changed; Enter in [data-enter-focus] moves to the field it names.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.matches('form[data-confirm]') && !window.confirm(form.dataset.confirm)) { e.preventDefault(); }
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) { window.print(); }
    var remove = e.target.closest('[data-remove-row]');
    if (remove) { remove.closest('tr').remove(); }
  });
  document.addEventListener('keydown', function (e) {
    var field = e.key === 'Enter' && e.target.closest('[data-enter-focus]');
    if (!field) { return; }
    e.preventDefault();
    if (field.value.trim()) { document.getElementById(field.dataset.enterFocus).focus(); }
  });
  document.addEventListener('change', function (e) {
    if (e.target.matches('select[data-autosubmit]')) { e.target.form.requestSubmit(); }
  });
})();
