package dev.bodega.insights;

import dev.bodega.insights.internal.forecast.Backtest;
import dev.bodega.insights.internal.forecast.Errors;
import dev.bodega.insights.internal.forecast.Forecast;
import dev.bodega.insights.internal.forecast.Forecaster;
import dev.bodega.insights.internal.forecast.HoltWinters;
import dev.bodega.insights.internal.forecast.ReorderPoint;
import dev.bodega.insights.internal.forecast.SeasonalNaive;
import dev.bodega.insights.internal.forecast.Series;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The methods on synthetic series with a known pattern: each picks the method the pattern calls for and beats the
 * seasonal-naive baseline, over eight four-week windows each forecast from the days before it, by the margin each test states.
 */
class ForecastMethodsTest {

    private static final int[] WEEK = {6, 4, 0, -2, -4, -8, 4};
    private static final int WINDOWS = 8;
    private final Forecaster forecaster = new Forecaster();

    @Test
    void weeklySeasonalityChoosesHoltWintersAndBeatsTheBaselineByFifteenPercent() {
        Random r = new Random(1);
        double[] y = series(365 + WINDOWS * Forecaster.DAYS, t -> 20 + WEEK[t % 7] + 2 * r.nextGaussian());
        Holdout h = holdout(y);
        assertThat(h.forecast.method()).isEqualTo("holt-winters");
        assertThat(h.method.wape()).isLessThan(0.85 * h.baseline.wape());
    }

    @Test
    void trendWithSeasonsChoosesHoltWintersAndBeatsTheBaselineByFifteenPercent() {
        Random r = new Random(2);
        double[] y = series(365 + WINDOWS * Forecaster.DAYS, t -> 10 + 0.08 * t + WEEK[t % 7] + 2 * r.nextGaussian());
        Holdout h = holdout(y);
        assertThat(h.forecast.method()).isEqualTo("holt-winters");
        assertThat(h.method.wape()).isLessThan(0.85 * h.baseline.wape());
    }

    @Test
    void aNoisyLevelChoosesSimpleSmoothingAndBeatsTheBaselineByTwentyPercent() {
        Random r = new Random(3);
        double[] y = series(365 + WINDOWS * Forecaster.DAYS, t -> 30 + 5 * r.nextGaussian());
        Holdout h = holdout(y);
        assertThat(h.forecast.method()).isEqualTo("ses");
        assertThat(h.method.wape()).isLessThan(0.8 * h.baseline.wape());
    }

    @Test
    void intermittentDemandChoosesCrostonSbaAndBeatsTheBaselineRmseByFifteenPercent() {
        Random r = new Random(4);
        double[] y = series(365 + WINDOWS * Forecaster.DAYS, t -> r.nextDouble() < 0.15 ? 1 + r.nextInt(5) : 0);
        Holdout h = holdout(y);
        assertThat(h.forecast.method()).isEqualTo("croston-sba");
        assertThat(h.forecast.intermittent()).isTrue();
        assertThat(h.method.rmse()).isLessThan(0.85 * h.baseline.rmse());
    }

    @Test
    void tooLittleHistoryGetsTheBaselineAndSaysSo() {
        double[] y = series(20, t -> 5 + WEEK[t % 7] / 2.0);
        Forecast f = forecaster.forecast(new Series(y, new boolean[y.length]));
        assertThat(f.method()).isEqualTo("seasonal-naive");
        assertThat(f.shortHistory()).isTrue();
        assertThat(f.point()[0]).isEqualTo(y[13]);
    }

    @Test
    void aBacktestDoesNotPeekAtRowsAfterTheDaysItScores() {
        Random r = new Random(5);
        double[] y = series(200, t -> 20 + WEEK[t % 7] + 2 * r.nextGaussian());
        int[] origins = Backtest.origins(y.length);
        int cut = origins[3] + Backtest.HORIZON;
        double[] altered = y.clone();
        for (int t = cut; t < altered.length; t++) {
            altered[t] = altered[t] * 3 + 50;
        }
        boolean[] none = new boolean[y.length];
        Backtest.Result before = Backtest.run(new HoltWinters(), y, none, origins);
        Backtest.Result after = Backtest.run(new HoltWinters(), altered, none, origins);
        assertThat(Arrays.copyOf(after.byOrigin(), 4)).isEqualTo(Arrays.copyOf(before.byOrigin(), 4));
        assertThat(after.byOrigin()[4]).isNotEqualTo(before.byOrigin()[4]);
        assertThat(after.fitted().version()).isEqualTo(before.fitted().version());
    }

    @Test
    void stockoutDaysDoNotDragTheForecastDown() {
        Random r = new Random(6);
        double[] y = series(120, t -> 10 + r.nextGaussian());
        boolean[] stockout = new boolean[y.length];
        for (int t = 100; t < 120; t += 2) {
            y[t] = 0;
            stockout[t] = true;
        }
        Forecast marked = forecaster.forecast(new Series(y, stockout));
        Forecast unmarked = forecaster.forecast(new Series(y, new boolean[y.length]));
        double markedWeek = ReorderPoint.demandOver(marked.point(), 7) / 7;
        double unmarkedWeek = ReorderPoint.demandOver(unmarked.point(), 7) / 7;
        assertThat(markedWeek).isCloseTo(10, within(1.0));
        assertThat(unmarkedWeek).isLessThan(8.5);
    }

    @Test
    void reorderPointIsLeadTimeDemandPlusSafetyStockForTheServiceLevel() {
        double[] daily = new double[28];
        Arrays.fill(daily, 10);
        // 5 days at 10 a day, plus z(95%) = 1.6449 times 3 a day times sqrt(5) = 11.03
        assertThat(ReorderPoint.demandOver(daily, 5)).isEqualTo(50);
        assertThat(ReorderPoint.safetyStock(3, 5, 0.95)).isCloseTo(11.034, within(0.001));
        assertThat(ReorderPoint.of(daily, 3, 5, 0.95)).isCloseTo(61.034, within(0.001));
        assertThat(ReorderPoint.of(daily, 3, 5, 0.5)).isCloseTo(50, within(1e-9));
    }

    private record Holdout(Forecast forecast, Errors method, Errors baseline) {
    }

    /**
     * Forecasts the last eight four-week windows, each from the history before it, and scores method and baseline
     * on them; the method is the one chosen for the first window.
     */
    private Holdout holdout(double[] y) {
        Forecast first = null;
        Errors method = Errors.NONE;
        Errors baseline = Errors.NONE;
        for (int w = WINDOWS; w >= 1; w--) {
            int n = y.length - w * Forecaster.DAYS;
            double[] history = Arrays.copyOf(y, n);
            Forecast f = forecaster.forecast(new Series(history, new boolean[n]));
            first = first == null ? f : first;
            double[] naive = new SeasonalNaive().forecast(history, n, Forecaster.DAYS);
            for (int d = 0; d < Forecaster.DAYS; d++) {
                method = method.plus(y[n + d], f.point()[d]);
                baseline = baseline.plus(y[n + d], naive[d]);
            }
        }
        return new Holdout(first, method, baseline);
    }

    private static double[] series(int days, IntToDoubleFunction value) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = Math.max(0, value.applyAsDouble(t));
        }
        return y;
    }
}
