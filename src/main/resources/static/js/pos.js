// The till: a cart kept in the page, priced by the server (POST /api/v1/sales/quote) after every change,
// so the page never does the sale's arithmetic itself; completing posts the sale with an Idempotency-Key,
// so a double press or a retry sells once. Every refusal is worded from the page's bundles (the API's
// problem type and its members: item, SKU, store, quantities), and numbers are shown in the page's locale.
(function () {
  'use strict';
  var root = document.getElementById('pos');
  if (!root) { return; }
  var msg = root.dataset;
  var decimals = parseInt(root.dataset.decimals, 10);
  var factor = Math.pow(10, decimals);
  var lang = document.documentElement.lang || 'es';
  var moneyFormat = new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals,
    useGrouping: 'always' });
  var quantityFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 3, useGrouping: 'always' });
  var inputFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 3, useGrouping: false });
  var $ = function (id) { return document.getElementById(id); };
  var state = { lines: [], customer: null, payments: [], quote: null, key: newKey(), busy: false,
    saleId: null, version: null, matches: [] };
  var problemTexts = {};
  Array.prototype.forEach.call(document.querySelectorAll('#pos-problems li'), function (li) {
    problemTexts[li.dataset.slug] = li.textContent;
  });

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return 'pos-' + Date.now() + '-' + Math.random().toString(36).slice(2);
  }

  // ---- talking to the API ---------------------------------------------------------------------
  function headers(extra) {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var name = document.querySelector('meta[name=csrf-header]');
    var token = document.querySelector('meta[name=csrf-token]');
    if (name && token) { h[name.content] = token.content; }
    Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
    return h;
  }

  function call(method, url, body, extra) {
    return fetch(url, { method: method, headers: headers(extra), body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin' }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (ignored) { json = null; }
        if (!r.ok) { var e = new Error(describe(json)); e.status = r.status; throw e; }
        return json;
      });
    });
  }

  // What a person reads for a problem: the bundle's text for its type, with the problem's members filled in.
  function describe(problem) {
    if (!problem || !problem.type) { return msg.msgFailed; }
    var slug = problem.type.substring(problem.type.lastIndexOf('/') + 1);
    if (slug === 'validation' && problem.errors && problem.errors.length) { return invalidField(problem.errors[0]); }
    return fill(problemTexts[slug] || problemTexts.other || msg.msgFailed, problem);
  }

  function invalidField(error) {
    var line = /^lines\[(\d+)]/.exec(error.field || '');
    if (line) { return fill(msg.msgInvalidQuantity, { itemName: (state.lines[+line[1]] || {}).name || '' }); }
    if (/^payments/.test(error.field || '')) { return msg.msgInvalidAmount; }
    if (error.field === 'discount') { return msg.msgInvalidDiscount; }
    return problemTexts.validation || msg.msgFailed;
  }

  var QUANTITIES = ['onHand', 'requested', 'quantity'];
  var AMOUNTS = ['unpaid', 'remaining', 'discount', 'linesTotal'];

  function fill(text, values) {
    return String(text).replace(/\{(\w+)}/g, function (all, name) {
      var value = values[name];
      if (value === undefined || value === null) { return ''; }
      if (QUANTITIES.indexOf(name) >= 0) { return quantityFormat.format(Number(value)); }
      if (AMOUNTS.indexOf(name) >= 0) { return moneyFormat.format(Number(value)); }
      return value;
    });
  }

  // ---- numbers ------------------------------------------------------------------------------------
  // What a person types: "1.234,5", "1,234.5", "12,5" or "12.5".
  function parseNumber(text) {
    if (text === null || text === undefined) { return NaN; }
    var t = String(text).replace(/\s/g, '');
    if (t === '') { return NaN; }
    if (t.indexOf(',') >= 0 && t.indexOf('.') >= 0) {
      t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
    } else {
      t = t.replace(',', '.');
    }
    return Number(t);
  }

  function cents(text) {
    var n = parseNumber(text);
    return isNaN(n) ? null : Math.round(n * factor);
  }

  function money(units) { return moneyFormat.format(units / factor); }

  function plain(units) { return (units / factor).toFixed(decimals); }

  function round3(n) { return Math.round(n * 1000) / 1000; }

  // ---- messages -----------------------------------------------------------------------------------
  function show(id, text) {
    var box = $(id);
    box.textContent = text || '';
    box.hidden = !text;
  }

  function showError(text) { show('pos-error', text); if (text) { show('pos-notice', ''); } }

  function location() { return $('pos-location').value; }
  // The till's banner asks for the open session of the store chosen.
  document.addEventListener('htmx:configRequest', function (e) {
    if (e.detail.elt.id === 'pos-cash') { e.detail.parameters.location = $('pos-location') ? location() : ''; }
  });

  function locationName() {
    var select = $('pos-location');
    return select.selectedIndex >= 0 ? select.options[select.selectedIndex].text : '';
  }

  function body(complete) {
    var discount = $('pos-discount').value.trim();
    var sale = {
      locationId: location(),
      customerId: state.customer ? state.customer.id : null,
      discount: discount === '' ? null : String(parseNumber(discount)),
      lines: state.lines.map(function (l) {
        return { itemId: l.itemId, quantity: l.quantity, discountPercent: l.discountPercent || null };
      }),
      complete: complete
    };
    if (complete) { sale.payments = payments(); }
    return sale;
  }

  // ---- finding items: a scanner's code, a typed name, a touch on the grid ---------------------------
  function scan(text) {
    var code = text.trim();
    if (!code) { return; }
    var quantity = 1;
    var star = code.match(/^(\d+(?:[.,]\d+)?)\*(.+)$/);
    if (star) { quantity = parseNumber(star[1]); code = star[2].trim(); }
    call('GET', '/api/v1/sales/lookup?code=' + encodeURIComponent(code) + '&locationId=' + encodeURIComponent(location()))
      .then(function (item) { add(item, quantity); })
      .catch(function (e) {
        if (e.status === 404) { searchByName(code, quantity); } else { showError(e.message); }
      });
  }

  // Not a code: the catalog's search (accents and typos forgiven); one match is added, several are offered.
  function searchByName(text, quantity) {
    items('q=' + encodeURIComponent(text) + '&limit=8').then(function (found) {
      if (found.length === 0) { showError(msg.msgNotFound + ': ' + text); return; }
      if (found.length === 1) { add(found[0], quantity); return; }
      showMatches(found, quantity);
    }).catch(function (e) { showError(e.message); });
  }

  function items(query) {
    var model = $('pos-model') ? $('pos-model').value : '';
    return call('GET', '/api/v1/sales/items?' + query + '&locationId=' + encodeURIComponent(location())
      + (model ? '&modelId=' + encodeURIComponent(model) : ''));
  }

  function showMatches(found, quantity) {
    var ul = $('pos-matches');
    ul.innerHTML = '';
    found.forEach(function (item, i) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'link pos-match';
      b.id = 'pos-match-' + i;
      b.textContent = item.name + ' · ' + item.sku + ' · ' + stockText(item.onHand);
      b.addEventListener('click', function () { hideMatches(); add(item, quantity); });
      b.addEventListener('keydown', function (e) { if (e.key === 'Escape') { hideMatches(); } });
      li.appendChild(b);
      ul.appendChild(li);
    });
    ul.hidden = false;
    $('pos-match-0').focus();
  }

  function hideMatches() { $('pos-matches').hidden = true; $('pos-scan').focus(); }

  function stockText(onHand) { return fill(msg.msgStock, { onHand: onHand == null ? 0 : onHand }); }

  function add(item, quantity) {
    var line = state.lines.filter(function (l) { return l.itemId === item.id; })[0];
    if (line) {
      line.quantity = round3(line.quantity + quantity);
      line.onHand = item.onHand;
    } else {
      line = { itemId: item.id, sku: item.sku, name: item.name, quantity: quantity, discountPercent: null,
        onHand: item.onHand };
      state.lines.push(line);
    }
    showError('');
    warnStock(line);
    requote();
  }

  // Warned as the item goes in, not at payment: none at this store, or less than the cart holds.
  function warnStock(line) {
    var onHand = line.onHand === null || line.onHand === undefined ? 0 : Number(line.onHand);
    var values = { itemName: line.name, sku: line.sku, locationName: locationName(), onHand: onHand,
      quantity: line.quantity };
    if (onHand <= 0) { show('pos-warning', fill(msg.msgNoStock, values)); } else if (onHand < line.quantity) {
      show('pos-warning', fill(msg.msgShortStock, values));
    } else { show('pos-warning', ''); }
  }

  function refreshStock() {
    state.lines.forEach(function (line) {
      call('GET', '/api/v1/sales/lookup?code=' + encodeURIComponent(line.sku) + '&locationId=' + encodeURIComponent(location()))
        .then(function (item) { line.onHand = item.onHand; render(); })
        .catch(function () { line.onHand = null; render(); });
    });
  }

  // ---- the product grid -----------------------------------------------------------------------------
  function loadProducts(categoryId) {
    Array.prototype.forEach.call(document.querySelectorAll('.pos-category'), function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.category === categoryId));
    });
    items('limit=48' + (categoryId ? '&categoryId=' + encodeURIComponent(categoryId) : ''))
      .then(showProducts).catch(function (e) { showError(e.message); });
  }

  function showProducts(found) {
    var grid = $('pos-products');
    grid.innerHTML = '';
    found.forEach(function (item, i) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'pos-product' + (item.onHand > 0 ? '' : ' out');
      b.id = 'pos-product-' + i;
      b.dataset.sku = item.sku;
      if (item.imageUrl) {
        var img = document.createElement('img');
        img.src = item.imageUrl;
        img.alt = '';
        img.loading = 'lazy';
        b.appendChild(img);
      }
      b.appendChild(span('pos-product-name', item.name));
      b.appendChild(span('pos-product-meta', money(cents(item.salePrice)) + ' · ' + stockText(item.onHand)));
      b.addEventListener('click', function () { add(item, 1); });
      grid.appendChild(b);
    });
  }

  function span(className, text) {
    var s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  // ---- pricing ----------------------------------------------------------------------------------
  function requote() {
    if (state.lines.length === 0) { state.quote = null; render(); return; }
    var discount = $('pos-discount').value.trim();
    if (discount !== '' && !(parseNumber(discount) >= 0)) { showError(msg.msgInvalidDiscount); return; }
    call('POST', '/api/v1/sales/quote', body(false))
      .then(function (quote) { state.quote = quote; showError(''); render(); })
      .catch(function (e) { state.quote = null; render(); showError(e.message); });
  }

  function render() {
    var list = $('pos-lines');
    list.innerHTML = '';
    if (state.lines.length === 0) {
      var empty = span('hint', msg.msgEmpty);
      var li = document.createElement('li');
      li.id = 'pos-empty';
      li.appendChild(empty);
      list.appendChild(li);
    }
    state.lines.forEach(function (line, i) { list.appendChild(lineRow(line, i)); });
    var q = state.quote;
    $('pos-subtotal').textContent = money(q ? cents(q.subtotal) : 0);
    $('pos-discount-total').textContent = money(q ? cents(q.discount) : 0);
    $('pos-tax').textContent = money(q ? cents(q.tax) : 0);
    $('pos-total').textContent = money(total());
    renderPayments();
  }

  function lineRow(line, i) {
    var priced = state.quote && state.quote.lines[i];
    var row = document.createElement('li');
    row.className = 'pos-line';
    row.id = 'pos-line-' + i;
    var item = span('pos-line-item', '');
    item.appendChild(span('pos-line-sku', line.sku));
    item.appendChild(document.createTextNode(line.name));
    var onHand = line.onHand === null || line.onHand === undefined ? 0 : Number(line.onHand);
    item.appendChild(span('pos-line-stock' + (onHand < line.quantity ? ' short' : ''), stockText(onHand)));
    row.appendChild(item);
    row.appendChild(field(msg.msgQuantity, 'pos-qty', 'pos-qty-' + i, inputFormat.format(line.quantity),
      function (value) { setQuantity(i, value); }));
    row.appendChild(field(msg.msgLineDiscount, 'pos-disc', 'pos-disc-' + i,
      line.discountPercent ? inputFormat.format(line.discountPercent) : '', function (value) { setDiscount(i, value); }));
    row.appendChild(span('pos-line-price', priced ? money(cents(priced.unitPrice)) : ''));
    row.appendChild(span('pos-line-total', priced ? money(cents(priced.total)) : ''));
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link pos-remove';
    remove.textContent = msg.msgRemove;
    remove.addEventListener('click', function () { state.lines.splice(i, 1); show('pos-warning', ''); requote(); $('pos-scan').focus(); });
    row.appendChild(remove);
    return row;
  }

  function field(label, className, id, value, change) {
    var wrap = document.createElement('label');
    wrap.appendChild(span('', label));
    var input = document.createElement('input');
    input.className = className;
    input.id = id;
    input.inputMode = 'decimal';
    input.value = value;
    input.addEventListener('change', function () { change(input.value); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); change(input.value); $('pos-scan').focus(); }
    });
    wrap.appendChild(input);
    return wrap;
  }

  function setQuantity(i, text) {
    var n = parseNumber(text);
    if (isNaN(n) || n <= 0) { state.lines.splice(i, 1); show('pos-warning', ''); } else {
      state.lines[i].quantity = round3(n);
      warnStock(state.lines[i]);
    }
    requote();
  }

  function setDiscount(i, text) {
    var n = String(text).trim() === '' ? 0 : parseNumber(text);
    if (isNaN(n) || n < 0 || n > 100) { showError(msg.msgInvalidDiscount); return; }
    state.lines[i].discountPercent = n === 0 ? null : n;
    requote();
  }

  function total() { return state.quote ? cents(state.quote.total) : 0; }

  // ---- payments ---------------------------------------------------------------------------------
  function payments() {
    var list = state.payments.slice();
    var typed = cents($('pos-amount').value);
    var left = total() - paidUnits(list);
    if (typed !== null && typed > 0) {
      list.push({ method: $('pos-method').value, amount: plain(typed) });
    } else if (left > 0) {
      // Nothing typed: the rest is paid exactly with the chosen method.
      list.push({ method: $('pos-method').value, amount: plain(left) });
    }
    return list;
  }

  function paidUnits(list) {
    return list.reduce(function (sum, p) { return sum + cents(p.amount); }, 0);
  }

  function methodName(method) {
    var option = document.querySelector('#pos-method option[value="' + method + '"]');
    return option ? option.text : method;
  }

  function renderPayments() {
    var ul = $('pos-payments');
    ul.innerHTML = '';
    state.payments.forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = methodName(p.method) + ' ' + money(cents(p.amount));
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
    state.payments.push({ method: $('pos-method').value, amount: plain(typed) });
    $('pos-amount').value = '';
    renderPayments();
    $('pos-amount').focus();
  }

  // ---- completing and parking -------------------------------------------------------------------
  function send(complete) {
    if (state.busy) { return; }
    if (state.lines.length === 0) { showError(msg.msgEmpty); $('pos-scan').focus(); return; }
    state.busy = true;
    var done = state.saleId ? saveParked().then(function (sale) {
      return complete ? call('POST', '/api/v1/sales/' + sale.id + '/complete', { payments: payments() },
        { 'Idempotency-Key': state.key }) : sale;
    }) : call('POST', '/api/v1/sales', body(complete), { 'Idempotency-Key': state.key + (complete ? '' : '-park') });
    done.then(function (sale) {
      if (complete) { window.location.href = '/sales/' + sale.id + '/receipt?new'; return; }
      clear();
      show('pos-notice', msg.msgParked);
      loadParked();
    }).catch(function (e) { state.busy = false; showError(e.message); });
  }

  // A resumed sale is saved as the cart now is (its version guards against a second till editing it).
  function saveParked() {
    return call('PUT', '/api/v1/sales/' + state.saleId, body(false), { 'If-Match': '"' + state.version + '"' })
      .then(function (sale) { state.version = sale.version; return sale; });
  }

  function clear() {
    state.lines = [];
    state.payments = [];
    state.quote = null;
    state.saleId = null;
    state.version = null;
    state.key = newKey();
    state.busy = false;
    $('pos-discount').value = '';
    $('pos-amount').value = '';
    pickCustomer(null);
    show('pos-warning', '');
    render();
  }

  // ---- parked sales -----------------------------------------------------------------------------
  function loadParked() {
    if (!location()) { return; }
    call('GET', '/api/v1/sales?status=pending&limit=20&locationId=' + encodeURIComponent(location()))
      .then(function (page) { showParked(page.items); })
      .catch(function (e) { showError(e.message); });
  }

  function showParked(sales) {
    var ul = $('pos-parked');
    ul.innerHTML = '';
    if (sales.length === 0) { ul.appendChild(span('hint', msg.msgNoParked)); }
    sales.forEach(function (sale, i) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'link pos-resume';
      b.id = 'pos-resume-' + i;
      var when = new Date(sale.saleDate).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
      b.textContent = msg.msgResume + ': ' + when + ' · ' + (sale.customerName || msg.msgNoCustomer) + ' · '
        + money(cents(sale.total));
      b.addEventListener('click', function () { resume(sale.id); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    $('pos-parked-box').open = sales.length > 0;
  }

  function resume(id) {
    call('GET', '/api/v1/sales/' + encodeURIComponent(id)).then(function (sale) {
      if (sale.status !== 'pending') { showError(problemTexts['sale-not-pending']); return; }
      clear();
      state.saleId = sale.id;
      state.version = sale.version;
      $('pos-location').value = sale.locationId;
      $('pos-discount').value = Number(sale.saleDiscount) > 0 ? sale.saleDiscount : '';
      if (sale.customerId) { pickCustomer({ id: sale.customerId, name: sale.customerName }); }
      state.lines = sale.lines.map(function (l) {
        return { itemId: l.itemId, sku: l.sku, name: l.name, quantity: Number(l.quantity),
          discountPercent: Number(l.discountPercent) > 0 ? Number(l.discountPercent) : null, onHand: null };
      });
      show('pos-notice', msg.msgResumed);
      refreshStock();
      requote();
    }).catch(function (e) { showError(e.message); });
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

  function customerText(c) {
    return c.documentNumber ? c.name + ' · ' + c.documentType + ' ' + c.documentNumber : c.name;
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
      b.textContent = customerText(c);
      b.addEventListener('click', function () { pickCustomer(c); });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  function pickCustomer(c) {
    state.customer = c;
    $('pos-customer-selected').textContent = c ? customerText(c) : msg.msgNoCustomer;
    $('pos-customer-clear').hidden = !c;
    $('pos-customer-search').value = '';
    showResults([]);
    $('pos-scan').focus();
  }

  function createCustomer(e) {
    e.preventDefault();
    call('POST', '/api/v1/customers', {
      documentType: $('pos-customer-doctype').value,
      documentNumber: $('pos-customer-docnumber').value.trim(),
      firstName: $('pos-customer-name').value.trim(),
      phone: $('pos-customer-phone').value.trim() || null
    }).then(function (c) {
      $('pos-customer-form').reset();
      $('pos-new-customer').open = false;
      pickCustomer(c);
      show('pos-notice', msg.msgCustomerCreated);
      showError('');
    }).catch(function (err) { showError(err.message); });
  }

  // ---- keys and touches ---------------------------------------------------------------------------
  $('pos-scan').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); $('pos-matches').hidden = true; scan(this.value); this.value = ''; }
    if (e.key === 'Escape') { this.value = ''; $('pos-matches').hidden = true; }
  });
  $('pos-customer-search').addEventListener('input', function () { searchCustomers(this.value); });
  $('pos-customer-search').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); if (results.length > 0) { pickCustomer(results[0]); } }
  });
  $('pos-customer-clear').addEventListener('click', function () { pickCustomer(null); });
  $('pos-customer-form').addEventListener('submit', createCustomer);
  $('pos-discount').addEventListener('change', requote);
  $('pos-location').addEventListener('change', function () {
    requote();
    refreshStock();
    loadParked();
    var pressed = document.querySelector('.pos-category[aria-pressed=true]');
    loadProducts(pressed ? pressed.dataset.category : null);
  });
  if ($('pos-model')) {
    $('pos-model').addEventListener('change', function () {
      var pressed = document.querySelector('.pos-category[aria-pressed=true]');
      loadProducts(pressed ? pressed.dataset.category : null);
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.pos-category'), function (b) {
    b.addEventListener('click', function () { loadProducts(b.dataset.category); });
  });
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
  if (location()) {
    loadProducts(null);
    loadParked();
  }
  if (msg.resume) { resume(msg.resume); }
})();
