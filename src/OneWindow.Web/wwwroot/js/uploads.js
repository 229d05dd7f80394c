// File size in the browser (a progressive enhancement: without it the server says the same after the upload).
// A file over the per-file limit is taken out of its input at once, with a note naming it; a form whose files
// together exceed the request limit is not sent, and says why. The texts come from the page, in its language.
(() => {
  const format = (template, ...args) => (template || "").replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);

  document.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.dataset.maxBytes) {
      return;
    }
    const max = Number(input.dataset.maxBytes);
    const files = [...(input.files || [])];
    const tooLarge = files.filter((f) => f.size > max);
    const note = input.parentElement && input.parentElement.querySelector("[data-file-note]");
    if (tooLarge.length > 0) {
      // Keep the files that fit, drop the others.
      try {
        const keep = new DataTransfer();
        files.filter((f) => f.size <= max).forEach((f) => keep.items.add(f));
        input.files = keep.files;
      } catch {
        input.value = "";
      }
    }
    if (note) {
      note.textContent = tooLarge.map((f) => format(input.dataset.tooLarge, f.name)).join(" ");
    }
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.uploadLimit) {
      return;
    }
    const total = [...form.querySelectorAll("input[type=file]")]
      .flatMap((input) => [...(input.files || [])])
      .reduce((sum, f) => sum + f.size, 0);
    const note = form.querySelector("[data-form-note]");
    if (total > Number(form.dataset.uploadLimit)) {
      event.preventDefault();
      if (note) {
        note.textContent = form.dataset.uploadTooLarge;
        note.hidden = false;
      }
    } else if (note) {
      note.hidden = true;
    }
  });
})();
