package dev.bodega.platform;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Permission patterns as in seed 001: {@code *}, {@code sales.*},
 * {@code inventory.read}. A pattern is matched segment by segment; a
 * {@code *} segment matches any one segment, and a trailing {@code *}
 * matches everything below it.
 */
public final class Permissions {

    private static final Pattern VALID = Pattern.compile("^(\\*|[a-z][a-z_]*)(\\.(\\*|[a-z][a-z_]*))*$");

    private Permissions() {
    }

    public static boolean isValidPattern(String pattern) {
        return pattern != null && VALID.matcher(pattern).matches();
    }

    public static boolean allows(Collection<String> patterns, String permission) {
        for (String pattern : patterns) {
            if (matches(pattern, permission)) {
                return true;
            }
        }
        return false;
    }

    /** Whether everything {@code pattern} grants is granted by {@code held} (used to keep API keys within their creator's rights). */
    public static boolean covers(Collection<String> held, String pattern) {
        return allows(held, pattern.replace("*", "_any_"));
    }

    public static boolean matches(String pattern, String permission) {
        List<String> want = List.of(pattern.split("\\."));
        List<String> have = List.of(permission.split("\\."));
        for (int i = 0; i < want.size(); i++) {
            boolean last = i == want.size() - 1;
            if (last && want.get(i).equals("*")) {
                return have.size() >= want.size();
            }
            if (i >= have.size() || !(want.get(i).equals("*") || want.get(i).equals(have.get(i)))) {
                return false;
            }
        }
        return want.size() == have.size();
    }
}
