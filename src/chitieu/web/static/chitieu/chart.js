// Render the page's Vega-Lite spec (in <script id="chart-spec">) as SVG into #chart.
(function () {
  var holder = document.getElementById("chart");
  var source = document.getElementById("chart-spec");
  if (!holder || !source || typeof window.vegaEmbed !== "function") { return; }
  var spec = JSON.parse(source.textContent);
  // vega-embed makes its holder inline-block, so "container" would measure 0 wide.
  if (spec.width === "container") { spec.width = Math.max(280, holder.clientWidth - 24); }
  // The Vietnamese d3-format locale (1.234,5) travels in the spec (charts.VI_FORMAT_LOCALE).
  var locale = spec.config && spec.config.locale && spec.config.locale.number;
  var options = { renderer: "svg", actions: false };
  if (locale) { options.formatLocale = locale; }
  window.vegaEmbed(holder, spec, options)
    .then(function () { holder.setAttribute("data-rendered", "true"); })
    .catch(function (error) {
      holder.textContent = "Không vẽ được biểu đồ: " + error;
    });
})();
