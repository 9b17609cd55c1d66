package dev.bodega.platform;

import java.util.UUID;

/**
 * The demo company was just created (first start of an empty database): other
 * modules add their demo data to it, each in its own transactions.
 */
public record DemoCompanyCreated(UUID tenantId, UUID adminUserId) {
}
