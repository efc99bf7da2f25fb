// The language links keep the page's query (filters, the chosen resource); when htmx changes the address
// in place (a filter, a tab), they follow it, so switching the language never drops what was chosen.
(function () {
  function follow() {
    document.querySelectorAll('nav.lang a[hreflang]').forEach(function (a) {
      var url = new URL(window.location.href);
      url.searchParams.set('lang', a.getAttribute('hreflang'));
      a.setAttribute('href', url.pathname + url.search);
    });
  }
  document.addEventListener('htmx:pushedIntoHistory', follow);
  document.addEventListener('htmx:replacedInHistory', follow);
})();
