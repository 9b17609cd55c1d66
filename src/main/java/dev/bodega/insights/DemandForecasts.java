package dev.bodega.insights;

/** Forecasts for another module that sets a company up (the demo company, once its history is made). */
public interface DemandForecasts {

    /**
     * The current company's forecast run for its last closed day, in the calling thread, as the nightly run makes
     * it; false when that day's nightly run exists already.
     */
    boolean forecastLastClosedDay();
}
