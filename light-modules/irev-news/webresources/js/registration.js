/*
 * Optional enhancement of the built-in registration form (it works without this script):
 * - fills the hidden idempotency token once per page view, so that a double click records one
 *   registration (field case C20);
 * - shows the seats left from /.irev-news/registration/<event>/places (JSON).
 * No third-party code, no inline script (the Content-Security-Policy forbids it).
 */
(function () {
  'use strict';
  function randomToken() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    if (window.crypto && window.crypto.getRandomValues) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('');
    }
    return '';
  }
  var forms = document.querySelectorAll('form[data-irev-registration]');
  Array.prototype.forEach.call(forms, function (form) {
    var token = form.querySelector('input[name="token"]');
    if (token && !token.value) {
      token.value = randomToken();
    }
    var section = form.closest ? form.closest('section') : null;
    var status = section ? section.querySelector('[data-irev-seats]') : null;
    var url = form.getAttribute('data-irev-seats-url');
    if (!status || !url || !window.fetch) {
      return;
    }
    window.fetch(url, { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && typeof data.message === 'string') {
          status.textContent = data.message;
        }
      })
      .catch(function () { /* the form works without the count */ });
  });
})();
