package dev.bodega.bench;

import dev.bodega.insights.internal.forecast.Errors;
import dev.bodega.insights.internal.forecast.Forecast;
import dev.bodega.insights.internal.forecast.Forecaster;
import dev.bodega.insights.internal.forecast.Series;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Forecast and backtest benchmark (issue 16): N synthetic (item, location) series of two years of daily demand —
 * a third weekly seasonal with trend, a third a noisy level, a third intermittent, each with a few stockout days —
 * each through the whole of a nightly run's computation (stockout cleaning, rolling-origin backtest of the
 * candidates and the baseline, the final fit and four weeks' forecast), on every core. Prints wall time, series per
 * second, peak heap, the methods chosen, and accuracy over all series against seasonal naive on the backtests'
 * days. The database is not part of it (series are made in memory, one at a time).
 * Usage: bench/forecast.sh [series=100000] [days=730]
 */
public final class ForecastBenchmark {

    private static final int[] WEEK = {6, 4, 0, -2, -4, -8, 4};

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 730;
        Forecaster forecaster = new Forecaster();
        Map<String, Integer> chosen = new ConcurrentHashMap<>();
        AtomicReference<Errors> method = new AtomicReference<>(Errors.NONE);
        AtomicReference<Errors> baseline = new AtomicReference<>(Errors.NONE);
        Map<String, Errors[]> byKind = new ConcurrentHashMap<>();
        forecaster.forecast(series(0, days));  // warm-up of the classes, not timed
        resetPeaks();
        long start = System.nanoTime();
        IntStream.range(0, count).parallel().forEach(i -> {
            Forecast f = forecaster.forecast(series(i, days));
            chosen.merge(f.method(), 1, Integer::sum);
            method.accumulateAndGet(f.errors(), Errors::plus);
            baseline.accumulateAndGet(f.baseline(), Errors::plus);
            byKind.merge(kind(i), new Errors[]{f.errors(), f.baseline()},
                    (a, b) -> new Errors[]{a[0].plus(b[0]), a[1].plus(b[1])});
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Figures.Table run = new Figures.Table("Forecast run", "series", "days each", "cores", "wall time",
                "series/s", "peak heap");
        run.row(count, days, Runtime.getRuntime().availableProcessors(), String.format("%.1f s", seconds),
                String.format("%.0f", count / seconds), String.format("%.0f MB", peakHeap() / 1e6));
        Figures.Table methods = new Figures.Table("Methods chosen", "method", "series");
        chosen.forEach((name, n) -> methods.row(name, n));
        Figures.Table accuracy = new Figures.Table("Backtest accuracy", "series", "WAPE", "seasonal naive WAPE",
                "MASE (vs seasonal naive)", "RMSE", "seasonal naive RMSE");
        accuracy.row("all", pct(method.get().wape()), pct(baseline.get().wape()),
                String.format("%.3f", method.get().mase(baseline.get())), String.format("%.3f", method.get().rmse()),
                String.format("%.3f", baseline.get().rmse()));
        byKind.forEach((kind, e) -> accuracy.row(kind, pct(e[0].wape()), pct(e[1].wape()),
                String.format("%.3f", e[0].mase(e[1])), String.format("%.3f", e[0].rmse()),
                String.format("%.3f", e[1].rmse())));
    }

    private static String kind(int i) {
        return switch (i % 3) {
            case 0 -> "seasonal with trend";
            case 1 -> "noisy level";
            default -> "intermittent";
        };
    }

    /** Series i, the same on every run: its kind by i mod 3, its levels and noise from a generator seeded with i. */
    static Series series(int i, int days) {
        Random r = new Random(i);
        double[] y = new double[days];
        boolean[] stockout = new boolean[days];
        double level = 5 + r.nextInt(40);
        double trend = (r.nextDouble() - 0.3) * level / days;
        for (int t = 0; t < days; t++) {
            double value = switch (i % 3) {
                case 0 -> level + trend * t + WEEK[t % 7] * level / 20 + r.nextGaussian() * level / 8;
                case 1 -> level + r.nextGaussian() * level / 4;
                default -> r.nextDouble() < 0.12 ? 1 + r.nextInt(4) : 0;
            };
            y[t] = Math.max(0, Math.round(value));
            if (r.nextDouble() < 0.01) {
                stockout[t] = true;
                y[t] = 0;
            }
        }
        return new Series(y, stockout);
    }

    private static String pct(Double v) {
        return v == null ? "–" : String.format("%.1f %%", v * 100);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
