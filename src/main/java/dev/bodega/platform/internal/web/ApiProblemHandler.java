package dev.bodega.platform.internal.web;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every API error as RFC 9457 problem+json with a stable type; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ApiProblemHandler::fieldError).toList();
        ProblemDetail problem = problem(PlatformProblem.VALIDATION, "The request has invalid fields: " + errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestBodyLimitFilter.PayloadTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(PlatformProblem.PAYLOAD_TOO_LARGE, "The request body is too large"));
        }
        return ResponseEntity.badRequest()
                .body(problem(PlatformProblem.MALFORMED_BODY, "The request body is not valid JSON for this call"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        // An id that is not even a UUID names nothing: answer as for any unknown id.
        if (e.getRequiredType() == java.util.UUID.class) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(problem(PlatformProblem.NOT_FOUND, e.getName() + " not found"));
        }
        return ResponseEntity.badRequest()
                .body(problem(PlatformProblem.VALIDATION, ExpectedFormats.message(e.getName(), e.getRequiredType())));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        ErrorResponseException stale = Problems.staleVersion();
        return ResponseEntity.status(stale.getStatusCode()).body(stale.getBody());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(PlatformProblem.CONSTRAINT, "The change conflicts with existing data"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(problem(PlatformProblem.INTERNAL, "Something went wrong; it has been logged"));
    }

    private static ProblemDetail problem(PlatformProblem type, String detail) {
        return Problems.detail(type, type.status(), detail);
    }

    /** A value that could not even be converted says what was expected (its default message names Java types). */
    private static Map<String, String> fieldError(FieldError error) {
        TypeMismatchException mismatch = error.contains(TypeMismatchException.class)
                ? error.unwrap(TypeMismatchException.class) : null;
        String message = mismatch != null ? "expected " + ExpectedFormats.of(mismatch.getRequiredType())
                : error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
        return Map.of("field", error.getField(), "message", message);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
