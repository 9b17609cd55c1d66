package dev.bodega.inventory.internal.approvals;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A company's approval rules: a posting waits when one of its lines has the rule's movement type, at the rule's
 * location (any when none), and the posting is worth more than the rule's value (any when none). The company
 * setting "adjustments above this value need approval" is one more rule, for adjustments at any location.
 */
@Service
class ApprovalRules {

    /** {@code id} is null for the rule that comes from the company settings (edited there, not here). */
    record Rule(UUID id, MovementType movementType, BigDecimal minValue, UUID locationId, String locationName,
                long version) {

        boolean applies(Collection<MovementType> types, Collection<UUID> locations, BigDecimal value) {
            return types.contains(movementType)
                    && (locationId == null || locations.contains(locationId))
                    && (minValue == null || value.compareTo(minValue) > 0);
        }

        public String movementTypeCode() {
            return movementType.code();
        }
    }

    record RuleRequest(MovementType movementType, BigDecimal minValue, UUID locationId) {
    }

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    ApprovalRules(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    boolean requireApproval(Collection<MovementType> types, Collection<UUID> locations, BigDecimal value) {
        return all().stream().anyMatch(rule -> rule.applies(types, locations, value));
    }

    /** The company's own rules, then the one from its settings. */
    @Transactional(readOnly = true)
    List<Rule> all() {
        List<Rule> rules = new ArrayList<>(jdbc.sql("""
                        SELECT r.id, r.movement_type, r.min_value, r.location_id, l.name AS location_name, r.version
                        FROM approval_rules r
                        LEFT JOIN locations l ON l.tenant_id = r.tenant_id AND l.id = r.location_id
                        ORDER BY r.movement_type, r.id""")
                .query((rs, n) -> new Rule(rs.getObject("id", UUID.class),
                        MovementType.fromCode(rs.getString("movement_type")), rs.getBigDecimal("min_value"),
                        rs.getObject("location_id", UUID.class), rs.getString("location_name"), rs.getLong("version")))
                .list());
        BigDecimal threshold = settings.current().adjustmentApprovalThreshold();
        if (threshold != null) {
            rules.add(new Rule(null, MovementType.ADJUSTMENT, threshold, null, null, 0));
        }
        return rules;
    }

    @Transactional(readOnly = true)
    Rule get(UUID id) {
        return all().stream().filter(r -> id.equals(r.id())).findFirst()
                .orElseThrow(() -> new NotFoundException("Approval rule"));
    }

    @Transactional
    Rule create(RuleRequest request) {
        check(request);
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO approval_rules (tenant_id, id, movement_type, min_value, location_id)
                        VALUES (:tenant, :id, :type, :minValue, :location)""")
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .param("type", request.movementType().code()).param("minValue", request.minValue())
                .param("location", request.locationId())
                .update();
        return get(id);
    }

    @Transactional
    Rule update(UUID id, RuleRequest request, Long expectedVersion) {
        Rule current = get(id);
        Versions.check(expectedVersion, current.version());
        check(request);
        int changed = jdbc.sql("""
                        UPDATE approval_rules SET movement_type = :type, min_value = :minValue, location_id = :location,
                               version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                .param("type", request.movementType().code()).param("minValue", request.minValue())
                .param("location", request.locationId())
                .param("tenant", TenantContext.tenantId()).param("id", id).param("version", current.version())
                .update();
        if (changed == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    @Transactional
    void delete(UUID id, Long expectedVersion) {
        Rule current = get(id);
        Versions.check(expectedVersion, current.version());
        int deleted = jdbc.sql("DELETE FROM approval_rules WHERE tenant_id = :tenant AND id = :id AND version = :version")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("version", current.version())
                .update();
        if (deleted == 0) {
            throw Problems.staleVersion();
        }
    }

    private void check(RuleRequest request) {
        if (request.minValue() != null && request.minValue().signum() < 0) {
            throw Problems.of(InventoryProblem.RULE_VALUE, "A rule's value cannot be negative");
        }
        if (request.locationId() != null && jdbc.sql("SELECT count(*) FROM locations WHERE id = :id")
                .param("id", request.locationId()).query(Long.class).single() == 0) {
            throw Problems.of(InventoryProblem.UNKNOWN_LOCATION, "Location " + request.locationId() + " does not exist");
        }
    }
}
