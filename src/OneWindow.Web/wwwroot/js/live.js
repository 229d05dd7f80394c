// Keeps a live page current over server-sent events. The page is complete without this file; here each figure
// ([data-figure]) and each table ([data-list], rebuilt from its <template data-row-for>) is refreshed in place.
(() => {
  const root = document.querySelector("[data-live-source]");
  if (!root || !window.EventSource) return;
  const source = new EventSource(root.getAttribute("data-live-source"));
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

  source.addEventListener("figures", (event) => {
    const view = JSON.parse(event.data);
    document.querySelectorAll("[data-figure]").forEach((el) => {
      const value = view[el.getAttribute("data-figure")];
      if (value !== undefined) el.textContent = value;
    });
    for (const list of ["statuses", "departments", "items", "windows", "cards"]) rebuild(list, view[list]);
    if (status) status.hidden = false;
    document.dispatchEvent(new CustomEvent("live-figures", { detail: view }));
  });
  source.addEventListener("error", () => { if (status) status.hidden = true; });
})();
