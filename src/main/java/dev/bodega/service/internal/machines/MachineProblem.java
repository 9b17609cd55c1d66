package dev.bodega.service.internal.machines;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** Refusals of the machines register (seed 004 machines). */
enum MachineProblem implements ProblemType {

    SERIAL_TAKEN("machine-serial-taken", HttpStatus.CONFLICT),
    NOT_A_CUSTOMER("machine-owner-not-customer", HttpStatus.UNPROCESSABLE_CONTENT),
    WARRANTY_BEFORE_PURCHASE("warranty-before-purchase", HttpStatus.UNPROCESSABLE_CONTENT);

    private final String slug;
    private final HttpStatus status;

    MachineProblem(String slug, HttpStatus status) {
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
