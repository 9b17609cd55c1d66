package dev.bodega.platform;

import java.util.function.ToLongFunction;

/**
 * A response body with its row version: the API writes {@code body} as it is
 * and the version as {@code ETag: "<version>"}, which the caller sends back in
 * {@code If-Match}. Return it from a controller, or inside a
 * {@code ResponseEntity} for another status (a 201 with its Location).
 */
public record Versioned<T>(T body, long version) {

    public static <T> Versioned<T> of(T body, ToLongFunction<? super T> version) {
        return new Versioned<>(body, version.applyAsLong(body));
    }
}
