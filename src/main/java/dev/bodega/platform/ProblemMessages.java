package dev.bodega.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.Locale;

/**
 * What a person reads for a problem, in their language, found by its type: a
 * type's message is {@code problem.<slug>}; the pages of an area may word a
 * type their own way under {@code <area>.problem.<slug>} (a stale version on
 * the roles page is "someone changed this role"); a problem with no message
 * reads as {@link #OTHER}.
 */
@Component
public class ProblemMessages {

    public static final String OTHER = "problem.other";
    static final String KEY_PREFIX = "problem.";

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The bundle key of the problem's message as the pages of {@code area} word it, in the current language. */
    public String key(ProblemDetail problem, String area) {
        String slug = slug(problem.getType());
        if (slug.isEmpty()) {
            return OTHER;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String own = area + "." + KEY_PREFIX + slug;
        if (exists(own, locale)) {
            return own;
        }
        return exists(KEY_PREFIX + slug, locale) ? KEY_PREFIX + slug : OTHER;
    }

    /**
     * The bundle key of the message a page of {@code area} shows for a refused action. A not-found is no refusal
     * to explain: it is rethrown, so the page answers 404 as for any unknown id.
     */
    public String refusal(ErrorResponseException problem, String area) {
        if (problem.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            throw problem;
        }
        return key(problem.getBody(), area);
    }

    private boolean exists(String key, Locale locale) {
        return messages.getMessage(key, null, null, locale) != null;
    }

    private static String slug(URI type) {
        String text = type == null ? "" : type.toString();
        return text.startsWith(Problems.TYPE_BASE) ? text.substring(Problems.TYPE_BASE.length()) : "";
    }
}
