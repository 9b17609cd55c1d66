// A new adjustment: Enter in the code field adds its line (instead of sending the form), then clears the field.
(function () {
  'use strict';
  var code = document.getElementById('line-code');
  if (!code) { return; }
  code.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') { return; }
    e.preventDefault();
    htmx.trigger(code, 'add-line');
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    if (e.detail.elt !== code) { return; }
    code.value = '';
    if (e.detail.successful && e.detail.target.id === 'adjustment-lines') {
      document.getElementById('line-error').textContent = '';
    }
  });
})();
