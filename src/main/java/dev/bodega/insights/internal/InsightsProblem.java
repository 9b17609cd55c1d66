package dev.bodega.insights.internal;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems of insights: settings, runs and purchase suggestions. */
enum InsightsProblem implements ProblemType {

    SERVICE_LEVEL_RANGE("service-level-range", HttpStatus.UNPROCESSABLE_CONTENT),
    RUN_IN_PROGRESS("forecast-run-in-progress", HttpStatus.CONFLICT),
    NOTHING_TO_ORDER("nothing-to-order", HttpStatus.UNPROCESSABLE_CONTENT);

    private final String slug;
    private final HttpStatus status;

    InsightsProblem(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
