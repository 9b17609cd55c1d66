package dev.bodega.insights.internal.forecast;

/**
 * A series' forecast: the method that won its backtest (or the baseline, with {@code shortHistory}, when there was
 * too little history to test one), the next days' demand with an 80% interval, and the backtest's errors for the
 * method and for the seasonal-naive baseline on the same points; {@code baselinePoint}: the baseline's forecast
 * of the same days. {@code dailySigma}: the spread of a day's error.
 */
public record Forecast(String method, String version, boolean shortHistory, boolean intermittent, double[] point,
                       double[] lower, double[] upper, double[] baselinePoint, Errors errors, Errors baseline,
                       double dailySigma) {

    /** 0-100 from the interval's width against the forecast: 100 for a certain one, near 0 for a wide one. */
    public int confidence(int day) {
        double halfWidth = (upper[day] - lower[day]) / 2;
        if (halfWidth <= 0) {
            return 100;
        }
        return (int) Math.round(100 * point[day] / (point[day] + halfWidth));
    }
}
