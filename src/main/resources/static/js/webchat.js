// Bodega web chat: embed on a shop's site with
//   <script src="https://<bodega>/js/webchat.js" data-key="<channel public key>" async></script>
// A visitor id is made once and kept in the browser; the conversation comes back on every visit.
// The few words the widget shows are here in Spanish and English (it runs on sites Bodega does not render).
(function () {
  var script = document.currentScript;
  if (!script || !script.getAttribute('data-key')) { return; }
  var key = script.getAttribute('data-key');
  var base = new URL(script.src, location.href).origin + '/webchat/' + encodeURIComponent(key);
  var lang = (script.getAttribute('data-lang') || navigator.language || 'es').slice(0, 2) === 'en' ? 'en' : 'es';
  var words = {
    es: { open: 'Chatea con nosotros', title: 'Escríbenos', send: 'Enviar', placeholder: 'Escribe tu mensaje…', close: 'Cerrar',
      attach: 'Adjuntar imagen o documento', tooLarge: 'El archivo pasa de 5 MB.', wrongType: 'Solo imágenes (JPEG, PNG, GIF, WebP) o documentos (PDF, Word, Excel, texto, CSV).',
      tooMany: 'Demasiados envíos seguidos; espera un momento.', failed: 'No se pudo enviar el archivo; inténtalo de nuevo.' },
    en: { open: 'Chat with us', title: 'Write to us', send: 'Send', placeholder: 'Type your message…', close: 'Close',
      attach: 'Attach an image or a document', tooLarge: 'The file is larger than 5 MB.', wrongType: 'Only images (JPEG, PNG, GIF, WebP) or documents (PDF, Word, Excel, text, CSV).',
      tooMany: 'Too many uploads in a row; wait a moment.', failed: 'The file could not be sent; try again.' }
  }[lang];
  var maxBytes = 5 * 1024 * 1024;
  var types = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
  var storeKey = 'bodega-webchat-' + key;
  var visitor = localStorage.getItem(storeKey);
  if (!visitor) {
    var bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    visitor = Array.from(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    localStorage.setItem(storeKey, visitor);
  }

  var css = '.bwc-button{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;background:#2563eb;color:#fff;border:0;' +
    'border-radius:999px;padding:.7rem 1.1rem;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2)}' +
    '.bwc-panel{position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(360px,calc(100vw - 2rem));height:min(480px,70vh);' +
    'background:#fff;border:1px solid #d0d5dd;border-radius:12px;display:flex;flex-direction:column;font:14px/1.4 system-ui,sans-serif;' +
    'box-shadow:0 8px 30px rgba(0,0,0,.2)}.bwc-panel[hidden]{display:none}.bwc-head{display:flex;justify-content:space-between;' +
    'padding:.6rem .8rem;background:#2563eb;color:#fff;border-radius:12px 12px 0 0;font-weight:600}.bwc-head button{background:none;' +
    'border:0;color:#fff;cursor:pointer;font-size:16px}.bwc-list{flex:1;overflow-y:auto;padding:.6rem;display:flex;flex-direction:column;gap:.4rem;margin:0;list-style:none}' +
    '.bwc-msg{max-width:80%;padding:.35rem .6rem;border-radius:10px;background:#f1f3f5;align-self:flex-end;white-space:pre-wrap;overflow-wrap:anywhere}' +
    '.bwc-msg.shop{align-self:flex-start;background:#dbeafe}.bwc-form{display:flex;gap:.4rem;padding:.5rem;border-top:1px solid #e5e7eb}' +
    '.bwc-form input{flex:1;padding:.45rem;border:1px solid #d0d5dd;border-radius:6px}.bwc-form button{background:#2563eb;color:#fff;border:0;border-radius:6px;padding:0 .8rem}' +
    '.bwc-form input[type=file]{display:none}.bwc-form .bwc-attach{background:#e5e7eb;color:#111}' +
    '.bwc-notice{margin:0 .5rem;padding:.3rem .5rem;border-radius:6px;background:#fef2f2;color:#991b1b}.bwc-notice[hidden]{display:none}';
  var style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);

  var button = el('button', 'bwc-button', words.open);
  button.id = 'bodega-webchat-open';
  var panel = el('div', 'bwc-panel');
  panel.id = 'bodega-webchat';
  panel.hidden = true;
  var head = el('div', 'bwc-head');
  head.appendChild(el('span', '', words.title));
  var close = el('button', '', '×');
  close.setAttribute('aria-label', words.close);
  head.appendChild(close);
  var list = el('ol', 'bwc-list');
  list.id = 'bodega-webchat-messages';
  var form = el('form', 'bwc-form');
  var input = el('input');
  input.id = 'bodega-webchat-input';
  input.placeholder = words.placeholder;
  input.maxLength = 4096;
  var send = el('button', '', words.send);
  send.type = 'submit';
  var picker = el('input');
  picker.type = 'file';
  picker.id = 'bodega-webchat-file';
  picker.accept = types.join(',');
  var attach = el('button', 'bwc-attach', '\uD83D\uDCCE');
  attach.type = 'button';
  attach.title = words.attach;
  attach.setAttribute('aria-label', words.attach);
  var notice = el('p', 'bwc-notice');
  notice.id = 'bodega-webchat-notice';
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  form.appendChild(attach);
  form.appendChild(picker);
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(head);
  panel.appendChild(list);
  panel.appendChild(notice);
  panel.appendChild(form);
  document.body.appendChild(panel);
  document.body.appendChild(button);

  var stream = null;
  button.addEventListener('click', function () {
    panel.hidden = !panel.hidden;
    if (!panel.hidden) { load(); listen(); input.focus(); }
  });
  close.addEventListener('click', function () { panel.hidden = true; });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    var clientId = Date.now() + '-' + Math.random().toString(36).slice(2);
    fetch(base + '/messages', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ visitorId: visitor, text: text, clientId: clientId })
    }).then(load);
  });

  attach.addEventListener('click', function () { picker.click(); });
  picker.addEventListener('change', function () {
    var file = picker.files[0];
    picker.value = '';
    if (!file) { return; }
    if (file.size > maxBytes) { return refuse(words.tooLarge); }
    if (types.indexOf(file.type) < 0) { return refuse(words.wrongType); }
    notice.hidden = true;
    var body = new FormData();
    body.append('visitorId', visitor);
    body.append('file', file);
    fetch(base + '/files', { method: 'POST', body: body }).then(function (r) {
      if (r.ok) { return load(); }
      return r.json().catch(function () { return {}; }).then(function (problem) {
        var slug = String(problem.type || '').split('/').pop();
        refuse({ 'attachment-too-large': words.tooLarge, 'attachment-type': words.wrongType,
          'rate-limited': words.tooMany }[slug] || words.failed);
      });
    }, function () { refuse(words.failed); });
  });

  // The refusal in the visitor's words; the server's check is the one that counts, this only saves a useless upload.
  function refuse(text) {
    notice.textContent = text;
    notice.hidden = false;
  }

  function listen() {
    if (stream || !window.EventSource) { return; }
    stream = new EventSource(base + '/stream?visitorId=' + visitor);
    stream.addEventListener('message', load);
  }

  function load() {
    fetch(base + '/messages?visitorId=' + visitor).then(function (r) { return r.json(); }).then(function (thread) {
      list.innerHTML = '';
      if (thread.greeting) { list.appendChild(el('li', 'bwc-msg shop', thread.greeting)); }
      thread.messages.forEach(function (m) {
        var item = el('li', 'bwc-msg' + (m.fromMe ? ' shop' : ''), m.attachment ? '' : m.content);
        item.setAttribute('data-id', m.id);
        if (m.attachment) {
          var file = el('a', 'bwc-file', '\uD83D\uDCCE ' + m.content);
          file.href = base + '/messages/' + m.id + '/file?visitorId=' + visitor;
          file.target = '_blank';
          file.rel = 'noopener';
          item.appendChild(file);
        }
        list.appendChild(item);
      });
      list.scrollTop = list.scrollHeight;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
})();
