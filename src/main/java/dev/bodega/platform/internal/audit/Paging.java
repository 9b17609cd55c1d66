package dev.bodega.platform.internal.audit;

import dev.bodega.platform.Formats;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.ZoneId;

/** What the list pages share: the "next page" link (same filters, new cursor) and times in the tenant's zone. */
final class Paging {

    private Paging() {
    }

    static String nextUrl(HttpServletRequest request, String cursor) {
        if (cursor == null) {
            return null;
        }
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("cursor", cursor).replaceQueryParam("lang").build().toUriString();
    }

    /** The same filters from the newest row on. */
    static String firstUrl(HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("cursor").replaceQueryParam("lang").build().toUriString();
    }

    /** As every page writes a moment, in the page's language. */
    static String time(Instant instant, ZoneId zone) {
        return Formats.of(LocaleContextHolder.getLocale(), zone).dateTime(instant);
    }
}
