package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;

import java.util.Collection;

/**
 * No one hands out more than they hold: roles may only carry, and users only
 * receive, permissions the caller (and the caller's API key) covers; and a
 * user who holds more than the caller cannot be managed by the caller.
 */
final class Grants {

    private Grants() {
    }

    static boolean canGrant(Actor actor, String pattern) {
        return Permissions.covers(actor.permissions(), pattern)
                && (actor.apiKeyPermissions() == null || Permissions.covers(actor.apiKeyPermissions(), pattern));
    }

    /** 403 unless the caller covers every pattern. */
    static void requireCovers(Actor actor, Collection<String> patterns) {
        for (String pattern : patterns) {
            if (!canGrant(actor, pattern)) {
                throw Problems.of(PlatformProblem.FORBIDDEN, "You cannot grant or manage '" + pattern + "': you do not hold it");
            }
        }
    }
}
