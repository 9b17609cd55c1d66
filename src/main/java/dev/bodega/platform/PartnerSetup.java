package dev.bodega.platform;

import java.util.UUID;

/** Partner organizations made by another module (the demo company), through the service behind the API. */
public interface PartnerSetup {

    /** {@code type}: customer, supplier (then {@code parentId} is required) or manufacturer. */
    record NewOrganization(String name, String type, UUID parentId, String address, String contact) {
    }

    UUID createOrganization(NewOrganization organization);
}
