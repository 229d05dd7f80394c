// The statistics report's chart: the first chosen indicator by row (the page's table is the accessible figure).
(function () {
  "use strict";
  var data = document.getElementById("statistics-data");
  var element = document.getElementById("statistics-chart");
  if (!data || !element || typeof echarts === "undefined") {
    return;
  }
  var d = JSON.parse(data.textContent);
  // As tall as its bars need: one row should not fill the page.
  element.style.height = Math.max(160, d.labels.length * 36 + 70) + "px";
  var chart = echarts.init(element);
  chart.setOption({
    title: { text: d.title, left: "center", textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: d.labels, axisLabel: { width: 140, overflow: "truncate" } },
    series: [{ type: "bar", barMaxWidth: 24, data: d.values, itemStyle: { color: "#1f5fa8" } }],
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
