// Keeps a live page current over server-sent events. The page is complete without this file; here each figure
// ([data-figure]) and each table ([data-list], rebuilt from its <template data-row-for>) is refreshed in place.
(() => {
  const root = document.querySelector("[data-live-source]");
  if (!root || !window.EventSource) return;
  const status = document.querySelector("[data-live-status]");

  function rebuild(list, rows) {
    const body = document.querySelector(`[data-list="${list}"]`);
    const template = document.querySelector(`template[data-row-for="${list}"]`);
    if (!body || !template || !Array.isArray(rows)) return;
    const fresh = rows.map((row) => {
      const tr = template.content.firstElementChild.cloneNode(true);
      if (row.css) tr.className = row.css;
      tr.querySelectorAll("[data-field]").forEach((cell) => {
        const text = row.fields[cell.getAttribute("data-field")] ?? "";
        if (cell.getAttribute("data-link") === "1" && row.link) {
          const a = document.createElement("a");
          a.href = row.link;
          a.textContent = text;
          cell.replaceChildren(a);
        } else {
          cell.textContent = text;
        }
      });
      return tr;
    });
    body.replaceChildren(...fresh);
  }

  function show(event) {
    const view = JSON.parse(event.data);
    document.querySelectorAll("[data-figure]").forEach((el) => {
      const value = view[el.getAttribute("data-figure")];
      if (value !== undefined) el.textContent = value;
    });
    for (const list of ["statuses", "departments", "items", "windows", "cards", "panels"]) rebuild(list, view[list]);
    if (status) status.hidden = false;
    document.dispatchEvent(new CustomEvent("live-figures", { detail: view }));
  }

  function connect() {
    const source = new EventSource(root.getAttribute("data-live-source"));
    source.addEventListener("figures", show);
    source.addEventListener("error", () => {
      if (status) status.hidden = true;
      // After a network break the browser reconnects by itself; a refused stream (too many open, 429/503) it
      // closes for good, so try again in a minute.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 60000);
    });
  }
  connect();
})();
