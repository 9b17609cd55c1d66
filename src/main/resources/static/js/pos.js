// The till: a cart kept in the page, priced by the server (POST /api/v1/sales/quote) after every change,
// so the page never does the sale's arithmetic itself; completing posts the sale with an Idempotency-Key,
// so a double press or a retry sells once.
(function () {
  'use strict';
  var root = document.getElementById('pos');
  if (!root) { return; }
  var msg = root.dataset;
  var decimals = parseInt(root.dataset.decimals, 10);
  var factor = Math.pow(10, decimals);
  var $ = function (id) { return document.getElementById(id); };
  var state = { lines: [], customer: null, payments: [], quote: null, key: newKey(), busy: false };

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return 'pos-' + Date.now() + '-' + Math.random().toString(36).slice(2);
  }

  function headers() {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var name = document.querySelector('meta[name=csrf-header]');
    var token = document.querySelector('meta[name=csrf-token]');
    if (name && token) { h[name.content] = token.content; }
    return h;
  }

  function call(method, url, body, extra) {
    var h = headers();
    Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
    return fetch(url, { method: method, headers: h, body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin' }).then(function (r) {
      return r.text().then(function (text) {
        var json = text ? JSON.parse(text) : null;
        if (!r.ok) { var e = new Error((json && json.detail) || msg.msgFailed); e.status = r.status; throw e; }
        return json;
      });
    });
  }

  function cents(text) {
    if (text === null || text === undefined || String(text).trim() === '') { return null; }
    var n = Number(String(text).trim().replace(',', '.'));
    return isNaN(n) ? null : Math.round(n * factor);
  }

  function money(units) { return (units / factor).toFixed(decimals); }

  function showError(text) {
    var box = $('pos-error');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function location() { return $('pos-location').value; }

  function body(complete) {
    var sale = {
      locationId: location(),
      customerId: state.customer ? state.customer.id : null,
      discount: $('pos-discount').value.trim() === '' ? null : $('pos-discount').value.trim().replace(',', '.'),
      lines: state.lines.map(function (l) { return { itemId: l.itemId, quantity: l.quantity }; }),
      complete: complete
    };
    if (complete) { sale.payments = payments(); }
    return sale;
  }

  // ---- scanning -------------------------------------------------------------------------------
  function scan(text) {
    var code = text.trim();
    if (!code) { return; }
    var quantity = 1;
    var star = code.match(/^(\d+(?:[.,]\d+)?)\*(.+)$/);
    if (star) { quantity = Number(star[1].replace(',', '.')); code = star[2].trim(); }
    call('GET', '/api/v1/sales/lookup?code=' + encodeURIComponent(code) + '&locationId=' + encodeURIComponent(location()))
      .then(function (item) {
        var last = state.lines[state.lines.length - 1];
        if (last && last.itemId === item.id) {
          last.quantity = round3(last.quantity + quantity);
        } else {
          state.lines.push({ itemId: item.id, sku: item.sku, name: item.name, quantity: quantity });
        }
        showError('');
        requote();
      })
      .catch(function (e) { showError(e.status === 404 ? msg.msgNotFound + ': ' + code : e.message); });
  }

  function round3(n) { return Math.round(n * 1000) / 1000; }

  // ---- pricing ----------------------------------------------------------------------------------
  function requote() {
    if (state.lines.length === 0) { state.quote = null; render(); return; }
    call('POST', '/api/v1/sales/quote', body(false))
      .then(function (quote) { state.quote = quote; showError(''); render(); })
      .catch(function (e) { showError(e.message); });
  }

  function render() {
    var tbody = $('pos-lines');
    tbody.innerHTML = '';
    if (state.lines.length === 0) {
      var empty = document.createElement('tr');
      empty.id = 'pos-empty';
      empty.innerHTML = '<td colspan="6" class="hint"></td>';
      empty.firstChild.textContent = msg.msgEmpty;
      tbody.appendChild(empty);
    }
    state.lines.forEach(function (line, i) {
      var priced = state.quote && state.quote.lines[i];
      var row = document.createElement('tr');
      row.className = 'pos-line';
      row.id = 'pos-line-' + i;
      row.appendChild(cell(line.sku));
      row.appendChild(cell(line.name));
      var qty = document.createElement('input');
      qty.className = 'pos-qty';
      qty.id = 'pos-qty-' + i;
      qty.inputMode = 'decimal';
      qty.value = line.quantity;
      qty.addEventListener('change', function () { setQuantity(i, qty.value); });
      qty.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') { e.preventDefault(); setQuantity(i, qty.value); $('pos-scan').focus(); }
      });
      var q = document.createElement('td');
      q.appendChild(qty);
      row.appendChild(q);
      row.appendChild(cell(priced ? priced.unitPrice.toFixed(2) : ''));
      row.appendChild(cell(priced ? Number(priced.total).toFixed(decimals) : '', 'pos-line-total'));
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link pos-remove';
      remove.textContent = msg.msgRemove;
      remove.addEventListener('click', function () { state.lines.splice(i, 1); requote(); $('pos-scan').focus(); });
      var r = document.createElement('td');
      r.appendChild(remove);
      row.appendChild(r);
      tbody.appendChild(row);
    });
    var q = state.quote;
    $('pos-subtotal').textContent = money(q ? cents(q.subtotal) : 0);
    $('pos-discount-total').textContent = money(q ? cents(q.discount) : 0);
    $('pos-tax').textContent = money(q ? cents(q.tax) : 0);
    $('pos-total').textContent = money(total());
    renderPayments();
  }

  function cell(text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    return td;
  }

  function setQuantity(i, text) {
    var n = Number(String(text).replace(',', '.'));
    if (!text || isNaN(n) || n <= 0) { state.lines.splice(i, 1); } else { state.lines[i].quantity = n; }
    requote();
  }

  function total() { return state.quote ? cents(state.quote.total) : 0; }

  // ---- payments ---------------------------------------------------------------------------------
  function payments() {
    var list = state.payments.slice();
    var typed = cents($('pos-amount').value);
    var left = total() - paidUnits(list);
    if (typed !== null && typed > 0) {
      list.push({ method: $('pos-method').value, amount: money(typed) });
    } else if (left > 0) {
      // Nothing typed: the rest is paid exactly with the chosen method.
      list.push({ method: $('pos-method').value, amount: money(left) });
    }
    return list;
  }

  function paidUnits(list) {
    return list.reduce(function (sum, p) { return sum + cents(p.amount); }, 0);
  }

  function renderPayments() {
    var ul = $('pos-payments');
    ul.innerHTML = '';
    state.payments.forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = p.method + ' ' + p.amount;
      ul.appendChild(li);
    });
    var typed = cents($('pos-amount').value) || 0;
    var paid = paidUnits(state.payments) + typed;
    $('pos-remaining').textContent = money(Math.max(0, total() - paidUnits(state.payments)));
    $('pos-change').textContent = money(Math.max(0, paid - total()));
  }

  function addPayment() {
    var typed = cents($('pos-amount').value);
    if (typed === null || typed <= 0) { return; }
    state.payments.push({ method: $('pos-method').value, amount: money(typed) });
    $('pos-amount').value = '';
    renderPayments();
    $('pos-amount').focus();
  }

  // ---- completing -------------------------------------------------------------------------------
  function send(complete) {
    if (state.busy) { return; }
    if (state.lines.length === 0) { showError(msg.msgEmpty); $('pos-scan').focus(); return; }
    state.busy = true;
    call('POST', '/api/v1/sales', body(complete), { 'Idempotency-Key': state.key + (complete ? '' : '-park') })
      .then(function (sale) {
        window.location.href = complete ? '/sales/' + sale.id + '/receipt?new' : '/sales/' + sale.id;
      })
      .catch(function (e) { state.busy = false; showError(e.message); });
  }

  // ---- customers --------------------------------------------------------------------------------
  var searchTimer = null;
  var results = [];

  function searchCustomers(text) {
    clearTimeout(searchTimer);
    if (text.trim().length < 2) { showResults([]); return; }
    searchTimer = setTimeout(function () {
      call('GET', '/api/v1/customers?limit=5&active=true&q=' + encodeURIComponent(text.trim()))
        .then(function (page) { showResults(page.items); })
        .catch(function (e) { showError(e.message); });
    }, 200);
  }

  function showResults(items) {
    results = items;
    var ul = $('pos-customer-results');
    ul.innerHTML = '';
    items.forEach(function (c, i) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'link pos-customer-option';
      b.id = 'pos-customer-option-' + i;
      b.textContent = c.name + ' · ' + c.documentType + ' ' + c.documentNumber;
      b.addEventListener('click', function () { pickCustomer(c); });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  function pickCustomer(c) {
    state.customer = c;
    $('pos-customer-selected').textContent = c ? c.name + ' · ' + c.documentType + ' ' + c.documentNumber : msg.msgNoCustomer;
    $('pos-customer-clear').hidden = !c;
    $('pos-customer-search').value = '';
    showResults([]);
    $('pos-scan').focus();
  }

  // ---- keys -------------------------------------------------------------------------------------
  $('pos-scan').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); scan(this.value); this.value = ''; }
    if (e.key === 'Escape') { this.value = ''; }
  });
  $('pos-customer-search').addEventListener('input', function () { searchCustomers(this.value); });
  $('pos-customer-search').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); if (results.length > 0) { pickCustomer(results[0]); } }
  });
  $('pos-customer-clear').addEventListener('click', function () { pickCustomer(null); });
  $('pos-discount').addEventListener('change', requote);
  $('pos-location').addEventListener('change', requote);
  $('pos-amount').addEventListener('input', renderPayments);
  $('pos-amount').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); send(true); }
  });
  $('pos-add-payment').addEventListener('click', addPayment);
  $('pos-complete').addEventListener('click', function () { send(true); });
  $('pos-park').addEventListener('click', function () { send(false); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'F2') { e.preventDefault(); $('pos-scan').focus(); }
    if (e.key === 'F4') { e.preventDefault(); $('pos-customer-search').focus(); }
    if (e.key === 'F8') { e.preventDefault(); $('pos-amount').focus(); }
    if (e.key === 'F9') { e.preventDefault(); send(true); }
  });
  render();
})();
