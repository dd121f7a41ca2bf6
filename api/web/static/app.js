// Refresh the live case panel while pages are still being read; no framework needed.
(function () {
  function poll() {
    var panel = document.getElementById("panel");
    if (!panel || !panel.dataset.poll) return;
    var active = document.activeElement;
    if (active && active.classList.contains("doubt-input") && panel.contains(active)) {
      setTimeout(poll, 1000); // someone is checking a field: keep their typing and focus
      return;
    }
    fetch(panel.dataset.src, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        panel.innerHTML = html;
        markFirst();
        if (panel.querySelector(".busy")) { setTimeout(poll, 1000); } else { delete panel.dataset.poll; }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  document.addEventListener("DOMContentLoaded", function () { markFirst(); setTimeout(poll, 800); });
  // "back" links: a script file, since the page's policy runs no inline or javascript: code
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-back]");
    if (link && window.history.length > 1) { e.preventDefault(); window.history.back(); }
  });

  // Doubtful OCR fields (人工核对): Enter confirms the focused field as read, or saves the
  // corrected value typed into it; ↓/↑ move between doubtful fields (Tab too); Esc puts
  // the read value back; Alt+K jumps to the first one.
  function doubtInputs() { return Array.prototype.slice.call(document.querySelectorAll("input.doubt-input")); }
  function markFirst() {
    doubtInputs().forEach(function (input, i) {
      if (i === 0) { input.setAttribute("accesskey", "k"); } else { input.removeAttribute("accesskey"); }
    });
  }
  function step(input, by) {
    var all = doubtInputs();
    var next = all[all.indexOf(input) + by];
    if (next) { next.focus(); next.select(); }
  }
  function say(table, text) {
    var status = table.nextElementSibling;
    if (status && status.classList.contains("field-status")) status.textContent = text;
  }
  function decide(input) {
    var row = input.closest("tr.field");
    var table = input.closest("table.fields");
    var msg = row.querySelector(".msg");
    var form = new URLSearchParams();
    form.set("csrf", table.dataset.csrf);
    form.set("page", row.dataset.page);
    form.set("index", row.dataset.index);
    if (input.value !== input.dataset.read) form.set("value", input.value);
    input.setAttribute("aria-busy", "true");
    fetch(table.dataset.post, {
      method: "POST", credentials: "same-origin", body: form,
      headers: { "Accept": "application/json" },
    })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (answer) {
        input.removeAttribute("aria-busy");
        if (!answer.ok) {
          var err = answer.data.error || {};
          msg.textContent = err.message_zh || "保存失败,请重试";
          input.setAttribute("aria-invalid", "true");
          input.focus();
          return;
        }
        var f = answer.data;
        var label = row.cells[row.cells.length - 3].textContent;
        var done = f.settled === "corrected" ? "已更正为 " + f.value : "已确认识别无误";
        var all = doubtInputs();
        var next = all[all.indexOf(input) + 1];
        var panel = document.getElementById("panel");
        if (panel && panel.contains(row)) { // the counter: the checklist may change too
          fetch(panel.dataset.src, { credentials: "same-origin" })
            .then(function (r) { return r.text(); })
            .then(function (html) {
              panel.innerHTML = html;
              markFirst();
              var left = doubtInputs();
              if (left.length) { left[0].focus(); left[0].select(); }
              var t = panel.querySelector("table.fields");
              if (t) say(t, "第 " + f.page + " 页" + label + done + (left.length ? "" : ",全部核对完毕"));
            });
          return;
        }
        row.className = "field settled " + f.settled;
        input.parentNode.className = "value";
        input.parentNode.textContent = f.value;
        row.querySelector(".why").textContent = (f.settled === "corrected"
          ? "已更正(识别为 " + f.read_value + ")" : "已确认识别无误") + " · " + f.settled_by;
        markFirst();
        var summary = document.querySelector(".doubt-summary");
        var count = doubtInputs().length;
        if (summary) {
          summary.className = count ? "problem doubt-summary" : "ok doubt-summary";
          summary.textContent = count
            ? "识别字段 " + count + " 项待核对(下方高亮),Alt+K 跳到第一项,回车确认,改正后回车保存。"
            : "识别字段已全部核对。";
        }
        say(table, "第 " + f.page + " 页" + label + done + (next ? "" : ",全部核对完毕"));
        if (next) { next.focus(); next.select(); }
      })
      .catch(function () {
        input.removeAttribute("aria-busy");
        msg.textContent = "网络或服务器无响应,请重试";
      });
  }
  document.addEventListener("keydown", function (e) {
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === "k" || e.key === "K" || e.code === "KeyK")) {
      var first = doubtInputs()[0]; // the accesskey, handled here too: browsers differ
      if (first) { e.preventDefault(); first.focus(); first.select(); }
      return;
    }
    var input = e.target;
    if (!input.classList || !input.classList.contains("doubt-input")) return;
    if (e.key === "Enter") { e.preventDefault(); if (!input.hasAttribute("aria-busy")) decide(input); }
    else if (e.key === "ArrowDown") { e.preventDefault(); step(input, 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); step(input, -1); }
    else if (e.key === "Escape") { input.value = input.dataset.read; input.removeAttribute("aria-invalid"); }
  });
  document.addEventListener("input", function (e) {
    if (e.target.classList && e.target.classList.contains("doubt-input")) {
      e.target.removeAttribute("aria-invalid");
      var msg = e.target.closest("tr").querySelector(".msg");
      if (msg) msg.textContent = "";
    }
  });
})();
