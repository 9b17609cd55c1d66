package dev.bodega.insights.internal.forecast;

/** Forecast errors summed over the points scored: absolute, squared, and the actual demand (for WAPE). */
public record Errors(double absolute, double squared, double actual, int points) {

    public static final Errors NONE = new Errors(0, 0, 0, 0);

    public Errors plus(double actualValue, double forecast) {
        double e = actualValue - forecast;
        return new Errors(absolute + Math.abs(e), squared + e * e, actual + actualValue, points + 1);
    }

    public Errors plus(Errors other) {
        return new Errors(absolute + other.absolute, squared + other.squared, actual + other.actual,
                points + other.points);
    }

    /** Weighted absolute percentage error: the absolute errors over the actual demand; null with no demand. */
    public Double wape() {
        return actual > 0 ? absolute / actual : null;
    }

    public double mae() {
        return points == 0 ? 0 : absolute / points;
    }

    public double rmse() {
        return points == 0 ? 0 : Math.sqrt(squared / points);
    }

    /** Mean absolute error scaled by the baseline's on the same points (below 1 beats it); null when it has none. */
    public Double mase(Errors baseline) {
        return baseline.absolute > 0 ? absolute / baseline.absolute : null;
    }
}
