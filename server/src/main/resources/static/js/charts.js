// Draws every element with a data-chart attribute (web.Chart: labels and bar series, e.g. the building meter
// against the sum of apartments, or an apartment's months). Figures arrive as JSON numbers in the chart's unit;
// a gap is null and stays a gap (never 0).
(function () {
  'use strict';
  function draw(el) {
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    var lang = document.documentElement.lang || 'ru';
    var number = new Intl.NumberFormat(lang, {maximumFractionDigits: 3});
    chart.setOption({
      // ECharts would describe the chart in its own English ("The data is as follows…") whatever the page's
      // language; the page's own label (in the reader's language) describes it, the table beside has the figures
      aria: {enabled: true, label: {description: el.getAttribute('aria-label') || ''}},
      animation: false,
      tooltip: {trigger: 'axis', valueFormatter: function (v) {
        return v == null ? '—' : number.format(v) + ' ' + data.unit;
      }},
      legend: {top: 0},
      grid: {left: 8, right: 8, bottom: 8, top: 36, containLabel: true},
      xAxis: {type: 'category', data: data.labels},
      yAxis: {type: 'value', name: data.unit, axisLabel: {formatter: function (v) { return number.format(v); }}},
      series: data.series.map(function (s) {
        return {name: s.name, type: 'bar', data: s.data, itemStyle: {color: s.color}};
      })
    });
    window.addEventListener('resize', function () {
      if (!chart.isDisposed()) {
        chart.resize();
      }
    });
  }
  function drawNew() {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      if (!echarts.getInstanceByDom(el)) {
        draw(el);
      }
    });
  }
  drawNew();
  // a section swapped in by htmx (another resource's balance) brings new chart elements
  document.body.addEventListener('htmx:afterSettle', drawNew);
})();
