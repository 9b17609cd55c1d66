package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The roles every new tenant starts with (seed 001 permission sets, seed 004 partner roles). */
@Component
class DefaultRoles {

    static final Map<String, List<String>> PERMISSIONS = new LinkedHashMap<>();

    static {
        PERMISSIONS.put("admin", List.of("*"));
        PERMISSIONS.put("manager", List.of("catalog.*", "inventory.*", "sales.*", "customers.*", "purchasing.*", "service.*",
                "messaging.*", "insights.*", "users.read", "roles.read", "audit.read", "security.read", "settings.read",
                "apikeys.use", "requests.*"));
        PERMISSIONS.put("seller", List.of("sales.read", "sales.create", "sales.return", "customers.*", "catalog.read",
                "inventory.read", "messaging.*", "insights.read", "requests.view", "requests.create", "requests.receive"));
        PERMISSIONS.put("technician", List.of("service.*", "catalog.read", "inventory.read", "inventory.issue", "inventory.count",
                "requests.view", "requests.create", "requests.receive"));
        PERMISSIONS.put("viewer", List.of("*.read"));
        // Seed 003's technician movements and warranty claims (technicians.own: the role that holds parts).
        grant("manager", "technicians.*", "guarantees.*");
        grant("technician", "technicians.own", "technicians.create", "guarantees.view", "guarantees.create");
        // Seed 004's partner organizations and their machines.
        grant("manager", "partners.*", "machines.*");
        // Seed 004's customer orders: the staff's inbox (orders.read, orders.approve, orders.ship).
        grant("manager", "orders.*");
        // Seed 004's partner users: their roles hold the portal's permissions only (portal.users: the partner's
        // own people, for its admin).
        PERMISSIONS.put("partner_admin", List.of("portal.*"));
        PERMISSIONS.put("partner_user", List.of("portal.read", "portal.usage", "portal.orders"));
    }

    /** Whether a role may be held by a partner user: only the portal's permissions. */
    static boolean forPartners(java.util.Collection<String> permissions) {
        return !permissions.isEmpty() && permissions.stream().allMatch(p -> p.equals("portal.*") || p.startsWith("portal."));
    }

    private static void grant(String role, String... permissions) {
        List<String> granted = new ArrayList<>(PERMISSIONS.get(role));
        granted.addAll(List.of(permissions));
        PERMISSIONS.put(role, List.copyOf(granted));
    }

    private final JdbcClient jdbc;

    DefaultRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the default roles in the current tenant; returns their ids by name. */
    Map<String, UUID> create(UUID tenantId) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        PERMISSIONS.forEach((name, permissions) -> {
            UUID id = Ids.next();
            jdbc.sql("""
                            INSERT INTO roles (tenant_id, id, name, description, permissions, system)
                            VALUES (:tenant, :id, :name, :description, :permissions, true)""")
                    .param("tenant", tenantId).param("id", id).param("name", name)
                    .param("description", "role." + name + ".description")
                    .param("permissions", permissions.toArray(String[]::new))
                    .update();
            ids.put(name, id);
        });
        return ids;
    }
}
