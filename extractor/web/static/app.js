/* Charts (vendored Chart.js) and the document page's figure panel. Data comes from
   <script type="application/json"> blocks, never from HTML strings: nothing here builds markup
   from scraped text except through textContent and cloned, already-escaped nodes. */
(function () {
  "use strict";

  var COLORS = ["#0b5c8e", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490"];
  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  /* Dates and numbers as the page writes them: the chart JSON carries the language and its month names. */
  function dayLabel(ms, data) {
    var d = new Date(ms);
    if (data.day_first_numeric) { return d.getUTCDate() + "/" + (d.getUTCMonth() + 1) + "/" + d.getUTCFullYear(); }
    return d.getUTCDate() + " " + data.months[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function numberLabel(value, data) {
    return Number(value).toLocaleString(data.lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 3 });
  }

  /* The x range of a time chart: the data's dates padded by a quarter of the span (half a year when one date). */
  function timeRange(datasets) {
    var xs = [];
    datasets.forEach(function (set) { set.data.forEach(function (p) { xs.push(p.x); }); });
    var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs);
    var pad = hi > lo ? Math.max((hi - lo) / 4, 45 * 864e5) : 183 * 864e5;
    return { min: lo - pad, max: hi + pad };
  }

  /* Ticks on 1 January of each year; on the first of every 6, 3 or 1 months when that gives too few. */
  function timeTicks(axis) {
    var first = new Date(axis.min).getUTCFullYear(), last = new Date(axis.max).getUTCFullYear();
    var steps = [12, 6, 3, 1], ticks = [];
    for (var s = 0; s < steps.length && ticks.length < 3; s++) {
      ticks = [];
      for (var y = first; y <= last; y++) {
        for (var m = 0; m < 12; m += steps[s]) {
          var at = Date.UTC(y, m, 1);
          if (at >= axis.min && at <= axis.max) { ticks.push({ value: at }); }
        }
      }
    }
    axis.ticks = ticks;
  }

  function tickLabel(ms, data) {
    var d = new Date(ms);
    if (d.getUTCMonth() === 0) { return String(d.getUTCFullYear()); }
    return data.day_first_numeric ? (d.getUTCMonth() + 1) + "/" + d.getUTCFullYear()
      : data.months[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function lineConfig(data) {
    var datasets = data.datasets.map(function (set, i) {
      return {
        label: set.label,
        data: set.points.map(function (p) { return { x: Date.parse(p[0] + "T00:00:00Z"), y: p[1], q: p[2] }; }),
        borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length],
        tension: 0, pointRadius: 4, borderWidth: 2
      };
    });
    var range = timeRange(datasets);
    return {
      type: "line",
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
        scales: {
          x: { type: "linear", min: range.min, max: range.max, afterBuildTicks: timeTicks,
               ticks: { callback: function (v) { return tickLabel(v, data); }, autoSkip: true, maxRotation: 0 } },
          y: { beginAtZero: true, title: { display: !!data.unit, text: data.unit },
               ticks: { callback: function (v) { return numberLabel(v, data); } } }
        },
        plugins: { legend: { labels: { boxWidth: 12 } }, tooltip: { callbacks: {
          title: function (items) { return dayLabel(items[0].raw.x, data); },
          label: function (item) {
            var words = (data.qualifiers || {})[item.raw.q] || "";
            return item.dataset.label + ": " + words + numberLabel(item.raw.y, data) + " " + data.unit;
          }
        } } }
      }
    };
  }

  function barConfig(data) {
    return {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: data.unit, data: data.values, backgroundColor: "#0b5c8e" }] },
      options: {
        indexAxis: "y", animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { beginAtZero: true, title: { display: !!data.unit, text: data.unit }, ticks: { callback: function (v) { return numberLabel(v, data); } } },
                  y: { ticks: { autoSkip: false } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: {
          label: function (item) { return data.texts[item.dataIndex]; }
        } } }
      }
    };
  }

  function drawCharts() {
    if (typeof window.Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var data = readJson(canvas.getAttribute("data-chart"));
      if (!data) { return; }
      if (data.kind === "bar") {
        canvas.parentNode.style.height = Math.max(160, 26 * data.labels.length + 60) + "px";
      }
      var chart = new window.Chart(canvas, data.kind === "bar" ? barConfig(data) : lineConfig(data));
      canvas.setAttribute("data-drawn", "true");
      canvas.chart = chart;
    });
  }

  function showFigure(index) {
    var card = document.getElementById("fig-" + index);
    var body = document.getElementById("panel-body");
    if (!card || !body) { return; }
    body.replaceChildren(card.cloneNode(true));
    body.firstChild.removeAttribute("id");
    document.querySelectorAll("a.fig.active, .figcard.active").forEach(function (n) { n.classList.remove("active"); });
    document.querySelectorAll('a.fig[data-fig="' + index + '"]').forEach(function (n) { n.classList.add("active"); });
  }

  function wireFigures() {
    var text = document.getElementById("doctext");
    if (!text) { return; }
    text.addEventListener("click", function (event) {
      var target = event.target.closest("a.fig");
      if (!target) { return; }
      event.preventDefault();
      showFigure(target.getAttribute("data-fig"));
    });
    var sentence = document.getElementById("sentence");
    if (sentence) { sentence.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    wireFigures();
  });
})();
