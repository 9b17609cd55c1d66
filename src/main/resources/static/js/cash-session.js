// Closing the till: the counted total, updated as the cashier types each denomination's count.
(function () {
  'use strict';
  var form = document.getElementById('cash-close-form');
  if (!form) { return; }
  var decimals = parseInt(form.dataset.decimals, 10);
  // As #fmt writes money in the page's language (grouped from the thousands, as Java groups them).
  var money = new Intl.NumberFormat(document.documentElement.lang || 'es',
      { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: 'always' });
  form.addEventListener('input', function () {
    var total = 0;
    form.querySelectorAll('input[data-value]').forEach(function (input) {
      total += (parseInt(input.value, 10) || 0) * parseFloat(input.dataset.value);
    });
    document.getElementById('cash-counted-live').textContent = money.format(total);
  });
})();
