package dev.bodega.platform;

import java.util.Optional;
import java.util.function.Function;

/**
 * One card of the home page, contributed as a bean by the module that owns its figures (platform knows none of
 * them): shown to a user who holds {@code permission}, in {@code order}, drawn by a Thymeleaf fragment from its data.
 *
 * @param order      lower first; 100s: what to do now (the till); 200s: today's figures; 300s: what needs attention
 * @param permission what a user needs to see the card
 * @param card       the card for the signed-in user (in the page's read-only transaction), or empty when it has
 *                   nothing to say
 */
public record HomeSection(int order, String permission, Function<Actor, Optional<Card>> card) {

    /** {@code fragment} as a template names one ({@code "inventory/home :: low-stock"}); it reads {@code data}. */
    public record Card(String fragment, Object data) {

        /** The common card: a title, a count, a link to the list it counts; marked when the count waits on someone. */
        public static Card count(String id, String titleKey, long count, String link) {
            return new Card("platform/home-cards :: count", new Count(id, titleKey, count, link));
        }
    }

    /** The data of {@link Card#count}. */
    public record Count(String id, String titleKey, long count, String link) {
    }
}
