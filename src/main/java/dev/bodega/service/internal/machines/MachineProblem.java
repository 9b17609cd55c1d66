package dev.bodega.service.internal.machines;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** Refusals of the machines register (seed 004 machines) and of the parts used on them (seed 004 part_usage). */
enum MachineProblem implements ProblemType {

    SERIAL_TAKEN("machine-serial-taken", HttpStatus.CONFLICT),
    NOT_A_CUSTOMER("machine-owner-not-customer", HttpStatus.UNPROCESSABLE_CONTENT),
    /** The plan's machines (seed 004: 150) are all registered. */
    MAX_MACHINES("max-machines", HttpStatus.CONFLICT),
    WARRANTY_BEFORE_PURCHASE("warranty-before-purchase", HttpStatus.UNPROCESSABLE_CONTENT),
    USAGE_UNKNOWN_MACHINE("usage-unknown-machine", HttpStatus.UNPROCESSABLE_CONTENT),
    USAGE_FOREIGN_WAREHOUSE("usage-foreign-warehouse", HttpStatus.UNPROCESSABLE_CONTENT),
    MACHINE_DECOMMISSIONED("machine-decommissioned", HttpStatus.CONFLICT);

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
