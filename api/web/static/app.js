// Refresh the live case panel while pages are still being read; no framework needed.
(function () {
  function poll() {
    var panel = document.getElementById("panel");
    if (!panel || !panel.dataset.poll) return;
    fetch(panel.dataset.src, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        panel.innerHTML = html;
        if (panel.querySelector(".busy")) { setTimeout(poll, 1000); } else { delete panel.dataset.poll; }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  document.addEventListener("DOMContentLoaded", function () { setTimeout(poll, 800); });
  // "back" links: a script file, since the page's policy runs no inline or javascript: code
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-back]");
    if (link && window.history.length > 1) { e.preventDefault(); window.history.back(); }
  });
})();
