package dev.bodega.insights.internal;

import dev.bodega.insights.internal.ForecastQueries.Day;
import dev.bodega.insights.internal.ForecastQueries.ItemForecast;
import dev.bodega.insights.internal.ForecastQueries.Prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The item page's chart as inline SVG coordinates (no script, no CDN): demand per day, the forecast with its 80%
 * band, the baseline's forecast, and the stockout days. Days run left to right from the first shown; quantities
 * bottom to top from zero to the largest value shown.
 */
record ForecastChart(String history, String forecast, String baseline, String band, List<Double> stockouts,
                     double todayX, BigDecimal top, LocalDate first, LocalDate last) {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;

    static ForecastChart of(ItemForecast f) {
        List<Day> days = f.history();
        List<Prediction> ahead = f.predictions().stream()
                .filter(p -> p.predictionDate().isAfter(f.series().runOn())).toList();
        LocalDate first = days.isEmpty() ? f.series().runOn() : days.get(0).day();
        LocalDate last = ahead.isEmpty() ? f.series().runOn() : ahead.get(ahead.size() - 1).predictionDate();
        double top = Math.max(1, Math.max(
                days.stream().mapToDouble(Day::demand).max().orElse(0),
                ahead.stream().mapToDouble(p -> p.upperQuantity().doubleValue()).max().orElse(0)));
        Scale s = new Scale(first, Math.max(1, ChronoUnit.DAYS.between(first, last)), top);
        String history = path(days, d -> s.x(d.day()), d -> s.y(d.demand()));
        String forecast = path(ahead, p -> s.x(p.predictionDate()), p -> s.y(p.predictedQuantity().doubleValue()));
        String baseline = path(ahead, p -> s.x(p.predictionDate()), p -> s.y(p.baselineQuantity().doubleValue()));
        List<Prediction> back = new ArrayList<>(ahead);
        java.util.Collections.reverse(back);
        String band = ahead.isEmpty() ? "" : path(ahead, p -> s.x(p.predictionDate()),
                p -> s.y(p.upperQuantity().doubleValue())) + " "
                + path(back, p -> s.x(p.predictionDate()), p -> s.y(p.lowerQuantity().doubleValue()));
        List<Double> stockouts = days.stream().filter(Day::stockout).map(d -> s.x(d.day())).toList();
        return new ForecastChart(history, forecast, baseline, band, stockouts, s.x(f.series().runOn()),
                BigDecimal.valueOf(top).stripTrailingZeros(), first, last);
    }

    private record Scale(LocalDate first, long span, double top) {

        double x(LocalDate day) {
            return round(ChronoUnit.DAYS.between(first, day) * (double) WIDTH / span);
        }

        double y(double quantity) {
            return round(HEIGHT - quantity * HEIGHT / top);
        }

        private static double round(double v) {
            return Math.round(v * 10) / 10.0;
        }
    }

    private static <T> String path(List<T> points, Function<T, Double> x, Function<T, Double> y) {
        StringBuilder path = new StringBuilder();
        for (T p : points) {
            path.append(path.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x.apply(p), y.apply(p)));
        }
        return path.toString();
    }
}
