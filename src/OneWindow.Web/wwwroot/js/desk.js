// The operator's desk (坐席台): calls reported by the telephony arrive on a live stream and show the caller's earlier
// orders at once; the knowledge box searches entries and guides while the caller is on the line (Alt+K focuses it,
// arrows pick, Enter inserts the answer and chooses 直接办结, Esc clears).
(function () {
  "use strict";
  var panel = document.getElementById("call-panel");
  var phone = document.getElementById("phone");
  var callId = document.getElementById("call-id");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function t(node, key) { return node.getAttribute("data-t-" + key) || key; }

  function showCall(call) {
    panel.hidden = false;
    document.getElementById("call-title").textContent = t(panel, "call") + " " + call.callerPhone + " · " + t(panel, "line") + " " + call.line;
    var state = { Ringing: t(panel, "ringing"), Answered: t(panel, "answered"), Ended: t(panel, "ended") }[call.event] || call.event;
    document.getElementById("call-status").textContent = state + (call.recordingRef ? " · " + t(panel, "recording") + " " + call.recordingRef : "");
    if (call.event !== "Ended") {
      if (phone) phone.value = call.callerPhone;
      if (callId) callId.value = call.callId;
    }
    if (!call.history) return;
    var box = document.getElementById("call-history");
    box.textContent = "";
    if (call.history.length === 0) {
      box.appendChild(el("p", t(panel, "none"), "notice info"));
      return;
    }
    var table = el("table");
    var head = el("tr");
    ["number", "at", "category", "content", "state"].forEach(function (k) { var th = el("th", t(panel, k)); th.scope = "col"; head.appendChild(th); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody");
    call.history.forEach(function (h) {
      var tr = el("tr");
      var td = el("td"); var a = el("a", h.number); a.href = "/hotline/orders/" + h.id; td.appendChild(a); tr.appendChild(td);
      [h.registeredAt, h.categoryName, h.excerpt, h.status].forEach(function (v) { tr.appendChild(el("td", v)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
  }

  if (panel && window.EventSource) {
    var source = new EventSource(panel.getAttribute("data-live-calls"));
    source.addEventListener("call", function (e) { try { showCall(JSON.parse(e.data)); } catch (err) { /* a malformed event is skipped */ } });
    panel.setAttribute("data-connected", "connecting");
    source.onopen = function () { panel.setAttribute("data-connected", "yes"); };
  }

  var q = document.getElementById("kb-q");
  var list = document.getElementById("kb-results");
  if (!q || !list) return;
  var hits = [];
  var picked = -1;
  var timer = 0;
  var seq = 0;

  function render() {
    list.textContent = "";
    q.setAttribute("aria-expanded", hits.length > 0 ? "true" : "false");
    hits.forEach(function (h, i) {
      var li = el("li", null, "kb-hit" + (i === picked ? " picked" : ""));
      li.id = "kb-hit-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === picked ? "true" : "false");
      var title = el("strong", h.title);
      li.appendChild(el("span", h.kind === "guide" ? t(q, "guide") : t(q, "entry"), "tag " + (h.kind === "guide" ? "promised" : "instant")));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(title);
      if (h.dueForReview) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", t(q, "review"), "tag draft")); }
      li.appendChild(el("span", " " + [h.categoryName, h.departmentName].filter(Boolean).join(" · "), "small muted"));
      li.appendChild(el("div", h.answer.length > 120 ? h.answer.slice(0, 120) + "…" : h.answer, "small"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); picked = i; insert(); });
      list.appendChild(li);
    });
    if (picked >= 0) q.setAttribute("aria-activedescendant", "kb-hit-" + picked); else q.removeAttribute("aria-activedescendant");
  }

  function search() {
    var text = q.value.trim();
    var mine = ++seq;
    if (!text) { hits = []; picked = -1; render(); return; }
    fetch(q.getAttribute("data-search") + "?q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
      .then(function (data) {
        if (mine !== seq) return; // an older answer after a newer query
        hits = data.hits || [];
        picked = hits.length > 0 ? 0 : -1;
        render();
        if (hits.length === 0) list.appendChild(el("li", t(q, "empty"), "small muted"));
      });
  }

  function insert() {
    var h = hits[picked];
    if (!h) return;
    var answer = document.getElementById("answer");
    if (answer) answer.value = h.answer;
    var entry = document.getElementById("kb-entry");
    if (entry) entry.value = h.kind === "entry" ? h.entryId : "";
    var choice = document.querySelector("input[name=Choice][value=answer]");
    if (choice) choice.checked = true;
    var used = document.getElementById("kb-used");
    if (used) { used.hidden = false; used.textContent = t(q, "used") + h.title; }
    if (answer) answer.focus();
  }

  q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 150); });
  q.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && hits.length) { picked = (picked + 1) % hits.length; render(); e.preventDefault(); }
    else if (e.key === "ArrowUp" && hits.length) { picked = (picked - 1 + hits.length) % hits.length; render(); e.preventDefault(); }
    else if (e.key === "Enter") { e.preventDefault(); clearTimeout(timer); if (hits.length) insert(); else search(); }
    else if (e.key === "Escape") { q.value = ""; hits = []; picked = -1; render(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey && (e.key === "k" || e.key === "K")) { e.preventDefault(); q.focus(); q.select(); }
  });
})();
