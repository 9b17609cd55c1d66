package dev.bodega.inventory.internal;

import org.springframework.web.ErrorResponseException;

/** The stable type of a problem (the last segment of its URI), so pages can show it as a message. */
final class ProblemTypes {

    private ProblemTypes() {
    }

    static String of(ErrorResponseException e) {
        if (e.getBody().getType() == null) {
            return "";
        }
        String type = e.getBody().getType().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
