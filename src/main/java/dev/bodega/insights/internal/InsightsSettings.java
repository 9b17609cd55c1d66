package dev.bodega.insights.internal;

import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/** The company's service level for safety stock: 95% until an admin sets another (50% to 99.9%). */
@Repository
class InsightsSettings {

    static final BigDecimal DEFAULT_SERVICE_LEVEL = new BigDecimal("0.950");
    static final BigDecimal LOWEST = new BigDecimal("0.5");
    static final BigDecimal HIGHEST = new BigDecimal("0.999");

    private final JdbcClient jdbc;

    InsightsSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public BigDecimal serviceLevel() {
        return jdbc.sql("SELECT service_level FROM insights_settings WHERE tenant_id = :tenant")
                .param("tenant", TenantContext.tenantId()).query(BigDecimal.class).optional()
                .orElse(DEFAULT_SERVICE_LEVEL);
    }

    @Transactional
    public BigDecimal setServiceLevel(BigDecimal level) {
        if (level == null || level.compareTo(LOWEST) < 0 || level.compareTo(HIGHEST) > 0) {
            throw Problems.of(InsightsProblem.SERVICE_LEVEL_RANGE, "The service level is between 0.5 and 0.999");
        }
        jdbc.sql("""
                        INSERT INTO insights_settings (tenant_id, service_level) VALUES (:tenant, :level)
                        ON CONFLICT (tenant_id) DO UPDATE SET service_level = EXCLUDED.service_level,
                            version = insights_settings.version + 1, updated_at = EXCLUDED.updated_at""")
                .param("tenant", TenantContext.tenantId()).param("level", level).update();
        return serviceLevel();
    }
}
