package dev.bodega.platform.internal.web;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.Problems;
import dev.bodega.platform.PublicEndpoint;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Whatever reaches the servlet error page (an unknown path, a refused
 * request): problem+json under /api, a page elsewhere (in the layout, with the
 * signed-in user's menu, and the problem's own words when a page raised one); never a stack trace.
 */
@Controller
@PublicEndpoint
class ErrorPages implements ErrorController {

    private final ErrorAttributes errors;
    private final ProblemMessages problems;

    ErrorPages(ErrorAttributes errors, ProblemMessages problems) {
        this.errors = errors;
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            return "forward:/error/problem";
        }
        model.addAttribute("status", status.value());
        if (errors.getError(new ServletWebRequest(request)) instanceof ErrorResponseException problem
                && !status.is5xxServerError()) {
            model.addAttribute("problem", problems.key(problem.getBody(), "error"));
        }
        return "error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        PlatformProblem type = status == HttpStatus.NOT_FOUND ? PlatformProblem.NOT_FOUND
                : status.is4xxClientError() ? PlatformProblem.CLIENT_ERROR : PlatformProblem.INTERNAL;
        ProblemDetail problem = Problems.detail(type, status, status.getReasonPhrase());
        // The path the client asked for, not this page's own.
        problem.setInstance(RequestPaths.instance(errorUri(request)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @RequestMapping("/error/problem")
    ResponseEntity<ProblemDetail> forwardedProblem(HttpServletRequest request) {
        return problem(request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return RequestPaths.isApi(errorUri(request));
    }

    private static String errorUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? null : uri.toString();
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
