package dev.bodega.platform.internal.web;

import dev.bodega.platform.PlatformProblem;
import jakarta.servlet.http.Cookie;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Tomcat answers itself, before any servlet runs (a path with an encoded slash, a NUL, a backslash or a bad
 * %-escape; headers too large): problem+json under /api, a plain error page in the user's language elsewhere, never
 * the container's own page. Errors the application raises never get here: they go to {@link ErrorPages}.
 */
class ContainerErrorReport extends ErrorReportValve {

    private final MessageSource messages;

    ContainerErrorReport(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported() || !ioAllowed(response)) {
            return;
        }
        String path = request.getRequestURI();
        try {
            response.setCharacterEncoding("UTF-8");
            if (RequestPaths.isApi(path)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                write(response, problem(status, RequestPaths.instance(path)));
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                write(response, page(status, locale(request)));
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body: nothing left to tell it.
        }
    }

    private static boolean ioAllowed(Response response) {
        AtomicBoolean allowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
        return allowed.get();
    }

    private static void write(Response response, String body) throws IOException {
        Writer writer = response.getReporter();
        if (writer != null) {
            writer.write(body);
            response.finishResponse();
        }
    }

    static String problem(int status, URI instance) {
        HttpStatus resolved = HttpStatus.resolve(status);
        PlatformProblem type = status == 400 ? PlatformProblem.MALFORMED_REQUEST
                : status < 500 ? PlatformProblem.CLIENT_ERROR : PlatformProblem.INTERNAL;
        String detail = status == 400
                ? "The request's path or headers are malformed (an encoded slash, a NUL, a backslash or a bad "
                + "percent-escape in the path, or headers too large)"
                : resolved == null ? "Refused" : resolved.getReasonPhrase();
        return """
                {"type":"%s","title":"%s","status":%d,"detail":"%s"%s}"""
                .formatted(type.uri(), resolved == null ? "Error" : resolved.getReasonPhrase(), status, detail,
                        instance == null ? "" : ",\"instance\":\"" + instance + "\"");
    }

    private String page(int status, Locale locale) {
        String message = messages.getMessage(status == 400 || status == 404 ? "error." + status : "error.other",
                null, locale);
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/css/bodega.css"></head>
                <body><main class="narrow" id="error-page"><h1>%d</h1><p id="error-message">%s</p>
                <p><a href="/" id="error-home">%s</a></p></main></body></html>
                """.formatted(locale.getLanguage(), escape(messages.getMessage("error.title", null, locale)), status,
                escape(message), escape(messages.getMessage("error.home", null, locale)));
    }

    /** As the application chooses: the language cookie, else the browser's first choice if English, else Spanish. */
    private static Locale locale(Request request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (WebConfiguration.LOCALE_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue().startsWith("en") ? Locale.ENGLISH : WebConfiguration.DEFAULT_LOCALE;
                }
            }
        }
        String accepted = request.getHeader("Accept-Language");
        return accepted != null && accepted.startsWith("en") ? Locale.ENGLISH : WebConfiguration.DEFAULT_LOCALE;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
