// Draws the sales dashboard's charts from the data the page carries in data-chart attributes.
(function () {
  'use strict';

  function chartData(canvas) {
    return JSON.parse(canvas.getAttribute('data-chart'));
  }

  // A long item name is broken into lines (Chart.js draws an array as lines) instead of being cut at the axis.
  function wrapped(label) {
    var lines = [], line = '';
    label.split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > 24) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    });
    lines.push(line);
    return lines;
  }

  function perDay(canvas) {
    var d = chartData(canvas);
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels,
        datasets: [
          { label: d.totalLabel, data: d.totals, backgroundColor: '#0b6e4f', yAxisID: 'y', order: 2 },
          { label: d.countLabel, data: d.counts, type: 'line', borderColor: '#d97706', backgroundColor: '#d97706',
            yAxisID: 'y1', order: 1, tension: 0.25 }
        ]
      },
      options: {
        locale: d.locale,
        responsive: true,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: { beginAtZero: true },
          y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 } }
        }
      }
    });
  }

  function topItems(canvas) {
    var d = chartData(canvas);
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: d.labels.map(wrapped), datasets: [{ label: d.quantityLabel, data: d.quantities, backgroundColor: '#3e7cb1' }] },
      options: { locale: d.locale, indexAxis: 'y', responsive: true, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true }, y: { ticks: { autoSkip: false } } } }
    });
  }

  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    var days = document.getElementById('chart-per-day');
    var top = document.getElementById('chart-top-items');
    if (days) {
      perDay(days);
    }
    if (top) {
      topItems(top);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
