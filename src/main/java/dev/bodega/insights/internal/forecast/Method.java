package dev.bodega.insights.internal.forecast;

/**
 * A forecasting method. {@link #fit} chooses its parameters on {@code y[0, end)} only (one-step squared error over
 * a small grid), so a backtest that fits before its first origin never sees the values it is scored on.
 */
public interface Method {

    String name();

    Fitted fit(double[] y, int end);

    /** A method with its parameters chosen. */
    interface Fitted {

        /** Method and parameters, as stored in {@code model_version}. */
        String version();

        /** Forecasts {@code y[origin, origin + horizon)} from {@code y[0, origin)}. */
        double[] forecast(double[] y, int origin, int horizon);
    }
}
