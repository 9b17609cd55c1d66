package dev.bodega.messaging.internal.metrics;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A bar chart drawn as inline SVG by the page (no script): each bar's length as a percentage of the longest.
 * {@code key} labels the bar (a code the page translates, or a name), {@code value} is its figure.
 */
public record Bars(List<Bar> bars) {

    public record Bar(String key, double value, double percent) {
    }

    static <T> Bars of(List<T> rows, Function<T, String> key, ToDoubleFunction<T> value) {
        double max = rows.stream().mapToDouble(value).max().orElse(0);
        return new Bars(rows.stream().map(r -> {
            double v = value.applyAsDouble(r);
            return new Bar(key.apply(r), v, max <= 0 ? 0 : Math.round(v / max * 1000) / 10.0);
        }).toList());
    }

    /** The chart's height in SVG units: one row of 24 per bar. */
    public int height() {
        return Math.max(24, bars.size() * 24);
    }
}
