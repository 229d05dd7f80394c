// The big screen's charts (ECharts, vendored under /lib/echarts). Drawn from the figures the page was rendered
// with, then redrawn whenever live.js receives new figures.
(() => {
  const root = document.querySelector("[data-screen]");
  if (!root || !window.echarts) return;
  const text = { fontSize: 18, color: "#dbe7f5" };
  const charts = {
    trend: echarts.init(document.getElementById("trend-chart")),
    ranking: echarts.init(document.getElementById("ranking-chart")),
    status: echarts.init(document.getElementById("status-chart")),
  };
  const en = document.documentElement.lang === "en";

  function draw(view) {
    const days = view.trend.map((d) => d.day.slice(5));
    charts.trend.setOption({
      animation: false,
      textStyle: text,
      legend: { textStyle: text, data: [en ? "Received" : "受理", en ? "Concluded" : "办结"] },
      grid: { left: 60, right: 20, top: 50, bottom: 40 },
      xAxis: { type: "category", data: days, axisLabel: text },
      yAxis: { type: "value", minInterval: 1, axisLabel: text, splitLine: { lineStyle: { color: "#22415f" } } },
      series: [
        { name: en ? "Received" : "受理", type: "line", data: view.trend.map((d) => d.intake) },
        { name: en ? "Concluded" : "办结", type: "line", data: view.trend.map((d) => d.concluded) },
      ],
    });
    const ranked = [...view.departments]
      .map((d) => ({ name: d.fields.name, concluded: Number(d.fields.concluded), intake: Number(d.fields.intake) }))
      .sort((a, b) => b.concluded - a.concluded || b.intake - a.intake)
      .slice(0, 10)
      .reverse();
    charts.ranking.setOption({
      animation: false,
      textStyle: text,
      grid: { left: 200, right: 40, top: 20, bottom: 30 },
      xAxis: { type: "value", axisLabel: text, minInterval: 1, splitLine: { lineStyle: { color: "#22415f" } } },
      yAxis: { type: "category", data: ranked.map((d) => d.name), axisLabel: text },
      series: [{ type: "bar", data: ranked.map((d) => d.concluded), label: { show: true, position: "right", color: "#fff", fontSize: 16 } }],
    });
    charts.status.setOption({
      animation: false,
      textStyle: text,
      legend: { bottom: 0, textStyle: text },
      series: [{
        type: "pie", radius: ["35%", "65%"], label: { color: "#fff", fontSize: 16 },
        data: view.statuses.map((s) => ({ name: s.fields.status, value: Number(s.fields.count) })),
      }],
    });
  }

  draw(JSON.parse(root.getAttribute("data-screen")));
  document.addEventListener("live-figures", (event) => draw(event.detail));
})();

// The window list a page at a time: every row is in the table (the live script rebuilds them all), and the rows of
// the other pages are hidden; the pages turn by themselves, so that every window comes round on the hall's screen.
(() => {
  const table = document.querySelector("table[data-page-size]");
  if (!table) return;
  const size = Math.max(1, Number(table.getAttribute("data-page-size")));
  const seconds = Math.max(3, Number(table.getAttribute("data-turn-seconds")) || 10);
  const label = document.querySelector("[data-page-label]");
  let page = Math.max(1, Number(table.getAttribute("data-page")) || 1);

  function show() {
    const rows = [...table.querySelectorAll("tbody tr")];
    const count = Math.max(1, Math.ceil(rows.length / size));
    if (page > count) page = 1;
    rows.forEach((row, i) => { row.hidden = Math.floor(i / size) !== page - 1; });
    if (label) label.textContent = label.getAttribute("data-page-label").replace("{0}", page).replace("{1}", count);
    document.querySelectorAll("[data-page-link]").forEach((a) => {
      if (Number(a.getAttribute("data-page-link")) === page) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    return count;
  }

  show();
  setInterval(() => {
    const count = show();
    page = page % count + 1;
    show();
  }, seconds * 1000);
  document.addEventListener("live-figures", show);
})();
