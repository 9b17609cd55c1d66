package dev.bodega.demo.internal;

import dev.bodega.platform.Companies;

import java.util.UUID;

/** The demo company's users by role; the manager and the seller, when missing, are the admin. */
record DemoUsers(UUID admin, UUID manager, UUID seller, UUID technician) {

    static final String MANAGER = "gerente@demo.bodega";
    static final String SELLER = "vendedor@demo.bodega";
    static final String TECHNICIAN = "tecnico@demo.bodega";

    /** Within the demo company's scope. */
    static DemoUsers find(Companies companies, UUID admin) {
        return new DemoUsers(admin, companies.userId(MANAGER).orElse(null), companies.userId(SELLER).orElse(null),
                companies.userId(TECHNICIAN).orElse(null));
    }

    UUID managerOrAdmin() {
        return manager == null ? admin : manager;
    }

    UUID sellerOrAdmin() {
        return seller == null ? admin : seller;
    }
}
