package dev.bodega.platform;

import java.util.UUID;

/**
 * The demo company and its users exist: modules add their demo data. Published
 * synchronously, outside any transaction; listeners run in {@code @Order}.
 */
public record DemoCompanyCreated(UUID tenantId, UUID adminUserId) {
}
