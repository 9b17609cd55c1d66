package dev.bodega.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 as problem+json; also what another tenant's id gets, so ids reveal nothing. */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, problem(what), null);
    }

    private static ProblemDetail problem(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " not found");
        problem.setType(PlatformProblem.NOT_FOUND.uri());
        problem.setTitle("Not found");
        return problem;
    }
}
