package dev.bodega.inventory.internal.locations;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Versions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Warehouses, workshops and stores (seed 003 localizacion, seed 004 warehouses)
 * and who works at each (seed 003 usuarios_localizacion). A user can only
 * change locations, and assignments, at locations they work at themselves.
 */
@Service
public class Locations {

    static final List<String> KINDS = List.of("warehouse", "workshop", "store");

    /** {@code organizationId}: the partner organization that owns it (seed 004 warehouses), null for the company's own. */
    public record LocationView(UUID id, String name, String kind, String address, String phone, boolean active,
                        Instant createdAt, Instant updatedAt, long version, UUID organizationId,
                        String organizationName) {
    }

    record Filter(String q, Boolean active, String kind, UUID organizationId) {

        Filter(String q, Boolean active, String kind) {
            this(q, active, kind, null);
        }
    }

    /** A partner organization a location may belong to. */
    record OrganizationOption(UUID id, String name) {
    }

    /** A new location, or the whole of an edited one; {@code active} null leaves the status as it is. */
    public record LocationInput(
            @NotBlank(message = "{inventory.location.name.required}") @Size(max = 120, message = "{field.too-long}") String name,
            @NotNull(message = "{inventory.location.kind.invalid}")
            @Pattern(regexp = "warehouse|workshop|store", message = "{inventory.location.kind.invalid}") String kind,
            @Size(max = 500, message = "{field.too-long}") String address,
            @Size(max = 32, message = "{field.too-long}")
            @Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,31}$", message = "{inventory.location.phone.invalid}") String phone,
            Boolean active,
            UUID organizationId) {
    }

    record UserRef(UUID id, String name, String email) {
    }

    /** A user of the tenant; {@code allLocations} when their roles let them work everywhere regardless of assignments. */
    record UserOption(UUID id, String name, String email, boolean allLocations) {
    }

    record Assignment(@NotNull List<@NotNull UUID> userIds) {
    }

    /** The in-transit location (transfer requests) is the ledger's, not a place anyone manages or picks. */
    private static final String SELECT = """
            SELECT id, name, kind, address, phone, active, created_at, updated_at, version, organization_id,
                   (SELECT o.name FROM platform_partner_organizations o
                    WHERE o.tenant_id = locations.tenant_id AND o.id = locations.organization_id) AS organization_name
            FROM locations
            WHERE kind <> 'transit'""";

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    Locations(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public CursorPage<LocationView> list(Filter filter, UUID before, int limit) {
        String q = filter.q() == null || filter.q().isBlank() ? null : "%" + escapeLike(filter.q().trim().toLowerCase(Locale.ROOT)) + "%";
        List<LocationView> rows = jdbc.sql(SELECT + """
                         AND (CAST(:q AS text) IS NULL OR lower(name) LIKE :q OR lower(coalesce(address, '')) LIKE :q)
                          AND (CAST(:active AS boolean) IS NULL OR active = :active)
                          AND (CAST(:kind AS text) IS NULL OR kind = :kind)
                          AND (CAST(:organization AS uuid) IS NULL OR organization_id = :organization)
                          AND (CAST(:before AS uuid) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .param("q", q).param("active", filter.active()).param("kind", blankToNull(filter.kind()))
                .param("organization", filter.organizationId()).param("before", before).param("limit", limit + 1)
                .query(LocationView.class).list();
        return CursorPage.of(rows, limit, LocationView::id);
    }

    /** The locations the current user may see (active or not), by name, for filters. */
    @Transactional(readOnly = true)
    public List<LocationView> visible() {
        return jdbc.sql(SELECT + " AND id IN (SELECT v FROM app_visible_locations() v) ORDER BY lower(name)")
                .query(LocationView.class).list();
    }

    /** Every location of the company, by name: a transfer request names places the user does not work at. */
    @Transactional(readOnly = true)
    public List<LocationView> all() {
        return jdbc.sql(SELECT + " ORDER BY lower(name)").query(LocationView.class).list();
    }

    /** The active locations the current user may move stock at, by name, for the posting forms. */
    @Transactional(readOnly = true)
    public List<LocationView> workable() {
        return jdbc.sql(SELECT + " AND active AND id IN (SELECT v FROM app_visible_locations() v) ORDER BY lower(name)")
                .query(LocationView.class).list();
    }

    @Transactional(readOnly = true)
    public LocationView get(UUID id) {
        return find(id);
    }

    @Transactional
    public LocationView create(LocationInput input) {
        requireOrganization(input.organizationId());
        if (input.active() == null || input.active()) {
            requireFreeSlot();
        }
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO locations (tenant_id, id, name, kind, address, phone, active, organization_id)
                            VALUES (:tenant, :id, :name, :kind, :address, :phone, coalesce(:active, true),
                                    :organization)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id)
                    .param("name", input.name().trim()).param("kind", input.kind())
                    .param("address", blankToNull(input.address())).param("phone", blankToNull(input.phone()))
                    .param("active", input.active()).param("organization", input.organizationId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        assignCreatorIfRestricted(id);
        return find(id);
    }

    @Transactional
    public LocationView update(UUID id, Long expectedVersion, LocationInput input) {
        LocationView current = findWorkable(id);
        Versions.check(expectedVersion, current.version());
        requireOrganization(input.organizationId());
        boolean active = input.active() == null ? current.active() : input.active();
        if (active && !current.active()) {
            requireFreeSlot();
        }
        if (!active && current.active()) {
            requireNoStock(id);
        }
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE locations SET name = :name, kind = :kind, address = :address, phone = :phone,
                                   active = :active, organization_id = :organization, version = version + 1,
                                   updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .param("tenant", TenantContext.tenantId())
                    .param("name", input.name().trim()).param("kind", input.kind())
                    .param("address", blankToNull(input.address())).param("phone", blankToNull(input.phone()))
                    .param("active", active).param("organization", input.organizationId()).param("id", id).param("version", current.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return find(id);
    }

    /** Deactivation keeps the location and its history; it takes no more postings. Refused while it holds stock. */
    @Transactional
    public void deactivate(UUID id) {
        LocationView current = findWorkable(id);
        if (!current.active()) {
            return;
        }
        requireNoStock(id);
        jdbc.sql("""
                        UPDATE locations SET active = false, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
    }

    @Transactional(readOnly = true)
    public List<UserRef> users(UUID locationId) {
        find(locationId);
        return jdbc.sql("""
                        SELECT u.id, u.name, u.email FROM user_locations ul
                        JOIN platform_users u ON u.tenant_id = ul.tenant_id AND u.id = ul.user_id
                        WHERE ul.location_id = :location AND u.deleted_at IS NULL
                        ORDER BY lower(u.name), u.id""")
                .param("location", locationId).query(UserRef.class).list();
    }

    /** Replaces who is assigned to the location with exactly {@code userIds}. */
    @Transactional
    public List<UserRef> setUsers(UUID locationId, List<UUID> userIds) {
        findWorkable(locationId);
        Set<UUID> wanted = new LinkedHashSet<>(userIds);
        long known = wanted.isEmpty() ? 0 : jdbc.sql("SELECT count(*) FROM platform_users WHERE id IN (:ids) AND deleted_at IS NULL")
                .param("ids", List.copyOf(wanted)).query(Long.class).single();
        if (known != wanted.size()) {
            throw Problems.of(InventoryProblem.UNKNOWN_USER, "One or more users do not exist");
        }
        String[] ids = wanted.stream().map(UUID::toString).toArray(String[]::new);
        jdbc.sql("""
                        DELETE FROM user_locations
                        WHERE tenant_id = :tenant AND location_id = :location
                          AND NOT (user_id = ANY (CAST(:ids AS uuid[])))""")
                .param("tenant", TenantContext.tenantId())
                .param("location", locationId).param("ids", ids).update();
        jdbc.sql("""
                        INSERT INTO user_locations (tenant_id, user_id, location_id)
                        SELECT :tenant, u, :location FROM unnest(CAST(:ids AS uuid[])) AS u
                        ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("location", locationId).param("ids", ids).update();
        return users(locationId);
    }

    /** The tenant's active users, for the assignment checkboxes. */
    @Transactional(readOnly = true)
    public List<UserOption> assignableUsers() {
        return jdbc.sql("""
                        SELECT u.id, u.name, u.email, EXISTS (
                            SELECT 1 FROM platform_user_permissions p
                            WHERE p.tenant_id = u.tenant_id AND p.user_id = u.id
                              AND p.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[]
                        ) AS all_locations
                        FROM platform_users u WHERE u.deleted_at IS NULL AND u.active
                        ORDER BY lower(u.name), u.id""")
                .query(UserOption.class).list();
    }

    /** The locations a user is assigned to (a holder of inventory.all_locations works at every one regardless). */
    @Transactional(readOnly = true)
    public List<LocationView> ofUser(UUID userId) {
        boolean exists = jdbc.sql("SELECT count(*) FROM platform_users WHERE id = :id AND deleted_at IS NULL")
                .param("id", userId).query(Long.class).single() > 0;
        if (!exists) {
            throw new NotFoundException("User");
        }
        return jdbc.sql(SELECT + """
                         AND id IN (SELECT location_id FROM user_locations WHERE user_id = :user)
                        ORDER BY lower(name)""")
                .param("user", userId).query(LocationView.class).list();
    }

    /** The partner organizations, by name, for the location form. */
    @Transactional(readOnly = true)
    public List<OrganizationOption> organizations() {
        return jdbc.sql("SELECT id, name FROM platform_partner_organizations ORDER BY lower(name)")
                .query(OrganizationOption.class).list();
    }

    private void requireOrganization(UUID organizationId) {
        if (organizationId != null && jdbc.sql("SELECT count(*) FROM platform_partner_organizations WHERE id = :id")
                .param("id", organizationId).query(Long.class).single() == 0) {
            throw Problems.of(InventoryProblem.UNKNOWN_ORGANIZATION, "No partner organization " + organizationId);
        }
    }

    private LocationView find(UUID id) {
        return jdbc.sql(SELECT + " AND id = :id").param("id", id).query(LocationView.class).optional()
                .orElseThrow(() -> new NotFoundException("Location"));
    }

    /** A location the caller works at; any other one of the tenant is not theirs to change. */
    private LocationView findWorkable(UUID id) {
        LocationView location = find(id);
        boolean visible = jdbc.sql("SELECT count(*) FROM (SELECT app_visible_locations() AS id) v WHERE v.id = :id")
                .param("id", id).query(Long.class).single() > 0;
        if (!visible) {
            throw Problems.of(InventoryProblem.LOCATION_NOT_ALLOWED,
                    "You do not work at this location");
        }
        return location;
    }

    /** Locks the tenant row (not its keys) so two creations cannot both take the last slot of the plan. */
    private void requireFreeSlot() {
        int max = settings.currentLocked().maxLocations();
        // A separate statement: it must see locations committed while we waited for the lock.
        long active = jdbc.sql("SELECT count(*) FROM locations WHERE active AND kind <> 'transit'").query(Long.class).single();
        if (active >= max) {
            throw Problems.of(InventoryProblem.MAX_LOCATIONS, "The company's plan allows " + max + " active locations");
        }
    }

    private void requireNoStock(UUID id) {
        long stocked = jdbc.sql("SELECT count(*) FROM stock_levels WHERE location_id = :id AND on_hand <> 0")
                .param("id", id).query(Long.class).single();
        if (stocked > 0) {
            throw Problems.of(InventoryProblem.LOCATION_HAS_STOCK,
                    "The location still holds stock of " + stocked + " items; move or adjust it first");
        }
    }

    /** Someone who does not see every location still works at the one they just created. */
    private void assignCreatorIfRestricted(UUID id) {
        TenantContext.userId().ifPresent(user -> jdbc.sql("""
                        INSERT INTO user_locations (tenant_id, user_id, location_id)
                        SELECT :tenant, :user, :location WHERE NOT app_sees_all_locations()
                        ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("user", user).param("location", id).update());
    }

    private static ErrorResponseException nameTaken() {
        return Problems.of(InventoryProblem.LOCATION_NAME_TAKEN, "Another location already has this name");
    }

    public static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
