package dev.bodega.platform.internal.db;

/** The URL and the two roles Bodega connects as. */
public record DatabaseEndpoint(String url, String appUser, String appPassword, String ownerUser, String ownerPassword) {
}
