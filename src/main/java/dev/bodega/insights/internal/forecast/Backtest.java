package dev.bodega.insights.internal.forecast;

/**
 * Rolling-origin evaluation: from origins a week apart over the last weeks of the history, forecast the next
 * {@link #HORIZON} days from what came before and score them against what happened (stockout days are not scored:
 * their demand is unknown). Parameters are chosen on the history before the first origin, so no score sees a value
 * its forecast was made with.
 */
public final class Backtest {

    public static final int HORIZON = 7;
    public static final int MIN_TRAIN = 28;
    public static final int MAX_ORIGINS = 8;
    /** The least history a backtest needs: the training weeks and two origins. */
    public static final int MIN_HISTORY = MIN_TRAIN + HORIZON + 7;

    /** A method's scores: in all, per origin (oldest first) and per step ahead. */
    public record Result(Method.Fitted fitted, Errors total, Errors[] byOrigin, Errors[] byStep) {
    }

    private Backtest() {
    }

    /** The origins for a history of {@code n} days, oldest first; none when it is shorter than {@link #MIN_HISTORY}. */
    public static int[] origins(int n) {
        if (n < MIN_HISTORY) {
            return new int[0];
        }
        int count = Math.min(MAX_ORIGINS, (n - HORIZON - MIN_TRAIN) / 7 + 1);
        int[] origins = new int[count];
        for (int k = 0; k < count; k++) {
            origins[count - 1 - k] = n - HORIZON - 7 * k;
        }
        return origins;
    }

    public static Result run(Method method, double[] y, boolean[] unscored, int[] origins) {
        Method.Fitted fitted = method.fit(y, origins[0]);
        Errors total = Errors.NONE;
        Errors[] byOrigin = new Errors[origins.length];
        Errors[] byStep = new Errors[HORIZON];
        java.util.Arrays.fill(byStep, Errors.NONE);
        for (int k = 0; k < origins.length; k++) {
            int o = origins[k];
            double[] f = fitted.forecast(y, o, HORIZON);
            Errors here = Errors.NONE;
            for (int h = 0; h < HORIZON; h++) {
                if (!unscored[o + h]) {
                    here = here.plus(y[o + h], f[h]);
                    byStep[h] = byStep[h].plus(y[o + h], f[h]);
                }
            }
            byOrigin[k] = here;
            total = total.plus(here);
        }
        return new Result(fitted, total, byOrigin, byStep);
    }
}
