package dev.bodega.platform;

import java.util.List;
import java.util.UUID;

/**
 * The company's partner organizations as other modules read them: a customer, supplier or machine record may stand
 * for one organization of a given type (customer, supplier or manufacturer).
 */
public interface PartnerDirectory {

    record Organization(UUID id, String name) {
    }

    /** The organizations of {@code type}, by name: what a form offers. */
    List<Organization> ofType(String type);

    /** Whether {@code id} is an organization of {@code type} (false for null). */
    boolean isOfType(UUID id, String type);
}
