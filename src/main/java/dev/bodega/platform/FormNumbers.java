package dev.bodega.platform;

import java.math.BigDecimal;

/** Numbers as people type them into a page's form; the rules on their size and sign are the request's own. */
public final class FormNumbers {

    private FormNumbers() {
    }

    /** The number typed, or null when the text is blank or not a number; a lone comma is the decimal separator. */
    public static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = text.trim();
        if (normalized.indexOf(',') >= 0 && normalized.indexOf('.') < 0) {
            normalized = normalized.replace(',', '.');
        }
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
