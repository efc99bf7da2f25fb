package org.openamr.server.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a page's script ({@code static/js/charts.js}) gives ECharts: category labels and bar series in the
 * chart's unit. A gap is null and stays a gap on the chart, never 0. Figures are exact decimals, written to the
 * page as JSON numbers.
 */
public record Chart(String unit, List<String> labels, List<Series> series) {

    /** @param color a CSS colour the series is drawn in */
    public record Series(String name, String color, List<BigDecimal> data) {
    }
}
