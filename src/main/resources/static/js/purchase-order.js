// The supplier order form: a scanner (a keyboard that types the code and Enter) or a person types a SKU,
// barcode or name; the item is found through the catalog's search (GET /api/v1/items?q=: no accents needed,
// a typo forgiven). An exact SKU or barcode, or a single match, becomes a line (or adds to its line); several
// matches are offered to choose from. "3*CODE" orders three. The form itself posts to the server.
(function () {
  var page = document.getElementById('order-form-page');
  var code = document.getElementById('order-code');
  var lines = document.getElementById('order-lines');
  var error = document.getElementById('order-code-error');
  var matches = document.getElementById('order-matches');
  var matchList = document.getElementById('order-matches-list');
  if (!page || !code || !lines) { return; }

  function text(name) { return page.getAttribute('data-msg-' + name) || ''; }

  function nextIndex() {
    var max = -1;
    lines.querySelectorAll('tr.order-line').forEach(function (row) {
      var n = parseInt(row.id.replace('order-line-', ''), 10);
      if (n > max) { max = n; }
    });
    return max + 1;
  }

  function cell(row, child) {
    var td = document.createElement('td');
    if (child) { td.appendChild(child); }
    row.appendChild(td);
    return td;
  }

  function input(name, cls, id, value, label) {
    var el = document.createElement('input');
    el.type = 'text'; el.name = name; el.className = cls; el.id = id; el.value = value;
    el.setAttribute('inputmode', 'decimal'); el.setAttribute('aria-label', label);
    return el;
  }

  function addLine(item, quantity) {
    var existing = lines.querySelector('tr.order-line[data-item-id="' + item.id + '"]');
    if (existing) {
      var qty = existing.querySelector('.line-quantity');
      var current = parseFloat((qty.value || '0').replace(',', '.')) || 0;
      qty.value = String(current + quantity);
      return;
    }
    var n = nextIndex();
    var row = document.createElement('tr');
    row.className = 'order-line'; row.id = 'order-line-' + n; row.setAttribute('data-item-id', item.id);
    var hidden = document.createElement('input');
    hidden.type = 'hidden'; hidden.name = 'itemId'; hidden.value = item.id;
    var sku = document.createElement('span');
    sku.className = 'line-sku'; sku.textContent = item.sku;
    cell(row, hidden).appendChild(sku);
    cell(row).textContent = item.name;
    cell(row, input('quantity', 'line-quantity', 'order-qty-' + n, String(quantity), text('quantity')));
    cell(row, input('unitCost', 'line-cost', 'order-cost-' + n, item.costPrice == null ? '' : String(item.costPrice), text('cost')));
    var remove = document.createElement('button');
    remove.type = 'button'; remove.className = 'link remove-line'; remove.textContent = text('remove');
    cell(row, remove);
    lines.appendChild(row);
  }

  function clearMatches() {
    matchList.textContent = '';
    matches.hidden = true;
  }

  // Several items answer the words typed: one button each, best match first; a choice becomes a line.
  function offer(value, found, quantity) {
    document.getElementById('order-matches-title').textContent = text('choose').replace('{0}', value);
    found.forEach(function (item) {
      var choice = document.createElement('button');
      choice.type = 'button'; choice.className = 'link order-match';
      choice.setAttribute('data-item-id', item.id);
      choice.textContent = item.sku + ' — ' + item.name;
      choice.addEventListener('click', function () {
        addLine(item, quantity);
        clearMatches();
        code.focus();
      });
      var li = document.createElement('li');
      li.appendChild(choice);
      matchList.appendChild(li);
    });
    matches.hidden = false;
  }

  function find(typed) {
    var quantity = 1;
    var value = typed.trim();
    var star = value.indexOf('*');
    if (star > 0 && /^\d+$/.test(value.substring(0, star))) {
      quantity = parseInt(value.substring(0, star), 10);
      value = value.substring(star + 1).trim();
    }
    if (!value) { return; }
    fetch('/api/v1/items?active=true&limit=10&q=' + encodeURIComponent(value),
          { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (page) {
        var found = page.items || [];
        var wanted = value.toLowerCase();
        var item = found.find(function (i) {
          return (i.sku && i.sku.toLowerCase() === wanted) || i.barcode === value;
        }) || (found.length === 1 ? found[0] : null);
        clearMatches();
        if (item) {
          error.textContent = '';
          addLine(item, quantity);
        } else if (found.length) {
          error.textContent = '';
          offer(value, found, quantity);
        } else {
          error.textContent = text('not-found').replace('{0}', value);
        }
      })
      .catch(function () { error.textContent = text('failed'); });
  }

  code.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') { return; }
    e.preventDefault();
    var typed = code.value;
    code.value = '';
    find(typed);
  });

  lines.addEventListener('click', function (e) {
    if (e.target.classList.contains('remove-line')) {
      e.target.closest('tr').remove();
    }
  });
})();
