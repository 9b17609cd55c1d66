package dev.bodega.insights.internal.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * Chooses each series' method by rolling-origin backtest and forecasts with it. Intermittent series (Syntetos-Boylan)
 * compete with Croston-SBA, the others with simple and Holt-Winters smoothing; the seasonal-naive baseline competes
 * always and keeps the series on ties. Candidates are ranked by squared error, which rewards forecasting the mean
 * (absolute error favours forecasting zero for intermittent demand).
 */
public final class Forecaster {

    public static final int DAYS = 28;
    private static final double Z80 = new NormalDistribution().inverseCumulativeProbability(0.9);
    private static final Method BASELINE = new SeasonalNaive();
    private static final List<Method> REGULAR = List.of(new Ses(), new HoltWinters());
    private static final List<Method> INTERMITTENT = List.of(new Sba());

    public Forecast forecast(Series series) {
        double[] y = series.cleaned();
        boolean intermittent = series.intermittent();
        int[] origins = Backtest.origins(y.length);
        if (origins.length == 0) {
            return untested(y, intermittent);
        }
        Backtest.Result baseline = Backtest.run(BASELINE, y, series.stockout(), origins);
        Method chosen = BASELINE;
        Backtest.Result best = baseline;
        for (Method m : intermittent ? INTERMITTENT : REGULAR) {
            Backtest.Result r = Backtest.run(m, y, series.stockout(), origins);
            if (r.total().squared() < best.total().squared()) {
                best = r;
                chosen = m;
            }
        }
        Method.Fitted fitted = chosen.fit(y, y.length);
        double[] point = fitted.forecast(y, y.length, DAYS);
        double[] spread = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            Errors step = best.byStep()[Math.min(d, Backtest.HORIZON - 1)];
            spread[d] = step.rmse() * Math.sqrt(Math.max(1.0, (d + 1.0) / Backtest.HORIZON));
        }
        return result(chosen.name(), fitted.version(), false, intermittent, point, spread,
                BASELINE.fit(y, y.length).forecast(y, y.length, DAYS), best.total(), baseline.total(),
                best.total().rmse());
    }

    /** Too little history to test a method: the baseline, with its spread taken from the days there are. */
    private Forecast untested(double[] y, boolean intermittent) {
        double[] point = BASELINE.fit(y, y.length).forecast(y, y.length, DAYS);
        double sigma = sd(y);
        double[] spread = new double[DAYS];
        java.util.Arrays.fill(spread, sigma);
        return result(BASELINE.name(), BASELINE.fit(y, y.length).version(), true, intermittent, point, spread,
                point, Errors.NONE, Errors.NONE, sigma);
    }

    private static Forecast result(String method, String version, boolean shortHistory, boolean intermittent,
                                   double[] point, double[] spread, double[] baselinePoint, Errors errors,
                                   Errors baseline, double sigma) {
        double[] lower = new double[point.length];
        double[] upper = new double[point.length];
        for (int d = 0; d < point.length; d++) {
            lower[d] = Math.max(0, point[d] - Z80 * spread[d]);
            upper[d] = point[d] + Z80 * spread[d];
        }
        return new Forecast(method, version, shortHistory, intermittent, point, lower, upper, baselinePoint, errors,
                baseline, sigma);
    }

    private static double sd(double[] y) {
        if (y.length < 2) {
            return 0;
        }
        return Math.sqrt(new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(y));
    }
}
