// A movement's lines: each Enter in the scan field takes the code typed so far and clears the field at once, so a
// scanner may send the next code before the answer arrives (the requests queue and none is lost); scanning the
// same item again adds to its line instead of repeating it.
(function () {
  'use strict';
  var scan = document.getElementById('scan-code');
  if (!scan) { return; }
  scan.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') { return; }
    e.preventDefault();
    var code = scan.value.trim();
    scan.value = '';
    if (code) { htmx.trigger(scan, 'scan', { code: code }); }
  });
  document.addEventListener('htmx:configRequest', function (e) {
    if (e.detail.elt === scan) { e.detail.parameters.code = e.detail.triggeringEvent.detail.code; }
  });
  document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.detail.elt === scan) { document.getElementById('scan-error').textContent = ''; }
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail.target.id !== 'lines-body') { return; }
    var seen = {};
    e.detail.target.querySelectorAll('tr[data-item]').forEach(function (row) {
      var first = seen[row.dataset.item];
      if (!first) { seen[row.dataset.item] = row; return; }
      var q = first.querySelector('input[name=quantity]');
      var add = parseFloat(row.querySelector('input[name=quantity]').value.replace(',', '.')) || 0;
      q.value = String((parseFloat(q.value.replace(',', '.')) || 0) + add);
      row.remove();
    });
  });
})();
