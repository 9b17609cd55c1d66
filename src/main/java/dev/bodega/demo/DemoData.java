package dev.bodega.demo;

import java.util.UUID;

/**
 * The demo company's data, put into an existing company: catalog, locations and stock, customers and sales
 * history, supplier orders. Users named as the demo company's (gerente@demo.bodega, vendedor@demo.bodega,
 * tecnico@demo.bodega) get their parts; a role nobody holds falls to the admin.
 */
public interface DemoData {

    void fill(UUID tenantId, UUID adminUserId);
}
