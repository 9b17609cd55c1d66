package dev.bodega.catalog.internal.models;

import dev.bodega.catalog.internal.CatalogProblem;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Vehicle models (seed 003 scooter_types) and the items compatible with each: a workshop finds the parts that
 * fit a customer's model. A model that vehicle orders name cannot be deleted.
 */
@Service
public class VehicleModels {

    public record Model(UUID id, String name, String power, String description, long version, int items) {
    }

    public record ModelRequest(
            @NotBlank(message = "{vehicles.model.name.required}") @Size(max = 120, message = "{field.too-long}") String name,
            @Size(max = 60, message = "{field.too-long}") String power,
            @Size(max = 2000, message = "{field.too-long}") String description) {
    }

    /** An item compatible with a model. */
    public record CompatibleItem(UUID id, String sku, String name) {
    }

    private static final String SELECT = """
            SELECT m.id, m.name, m.power, m.description, m.version,
                   (SELECT count(*) FROM item_vehicle_models c
                    WHERE c.tenant_id = m.tenant_id AND c.model_id = m.id) AS items
            FROM vehicle_models m
            """;

    private final JdbcClient jdbc;

    VehicleModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Model> all() {
        return jdbc.sql(SELECT + "ORDER BY lower(m.name)").query(Model.class).list();
    }

    @Transactional(readOnly = true)
    public Model get(UUID id) {
        return jdbc.sql(SELECT + "WHERE m.id = :id").param("id", id).query(Model.class).optional()
                .orElseThrow(() -> new NotFoundException("Vehicle model"));
    }

    @Transactional
    public Model create(ModelRequest request) {
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO vehicle_models (tenant_id, id, name, power, description)
                            VALUES (:tenant, :id, :name, :power, :description)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("name", request.name().trim())
                    .param("power", blankToNull(request.power())).param("description", blankToNull(request.description()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        return get(id);
    }

    @Transactional
    public Model update(UUID id, Long expectedVersion, ModelRequest request) {
        Versions.check(expectedVersion, get(id).version());
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE vehicle_models SET name = :name, power = :power, description = :description,
                                   version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .param("name", request.name().trim()).param("power", blankToNull(request.power()))
                    .param("description", blankToNull(request.description()))
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("version", expectedVersion)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** Deletes the model and its compatibilities; 409 while a vehicle order names it. */
    @Transactional
    public void delete(UUID id) {
        get(id);
        try {
            jdbc.sql("DELETE FROM vehicle_models WHERE tenant_id = :tenant AND id = :id")
                    .param("tenant", TenantContext.tenantId()).param("id", id).update();
        } catch (DataIntegrityViolationException e) {
            throw Problems.of(CatalogProblem.VEHICLE_MODEL_IN_USE, "Vehicle orders name this model");
        }
    }

    @Transactional(readOnly = true)
    public List<CompatibleItem> items(UUID modelId) {
        get(modelId);
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.name FROM item_vehicle_models c
                        JOIN items i ON i.tenant_id = c.tenant_id AND i.id = c.item_id
                        WHERE c.model_id = :model AND i.deleted_at IS NULL
                        ORDER BY i.sku""")
                .param("model", modelId).query(CompatibleItem.class).list();
    }

    /** The models an item fits. */
    @Transactional(readOnly = true)
    public List<Model> ofItem(UUID itemId) {
        requireItem(itemId);
        return jdbc.sql(SELECT + """
                        WHERE EXISTS (SELECT 1 FROM item_vehicle_models c
                                      WHERE c.tenant_id = m.tenant_id AND c.model_id = m.id AND c.item_id = :item)
                        ORDER BY lower(m.name)""")
                .param("item", itemId).query(Model.class).list();
    }

    @Transactional
    public void markCompatible(UUID modelId, UUID itemId) {
        get(modelId);
        requireItem(itemId);
        jdbc.sql("""
                        INSERT INTO item_vehicle_models (tenant_id, model_id, item_id) VALUES (:tenant, :model, :item)
                        ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("model", modelId).param("item", itemId).update();
    }

    /** Marks the item with this SKU compatible; false if no item has it. */
    @Transactional
    public boolean markCompatibleBySku(UUID modelId, String sku) {
        get(modelId);
        var item = jdbc.sql("SELECT id FROM items WHERE sku_key = lower(:sku) AND deleted_at IS NULL")
                .param("sku", sku.trim()).query(UUID.class).optional();
        item.ifPresent(id -> markCompatible(modelId, id));
        return item.isPresent();
    }

    @Transactional
    public void unmarkCompatible(UUID modelId, UUID itemId) {
        get(modelId);
        int removed = jdbc.sql("""
                        DELETE FROM item_vehicle_models
                        WHERE tenant_id = :tenant AND model_id = :model AND item_id = :item""")
                .param("tenant", TenantContext.tenantId()).param("model", modelId).param("item", itemId).update();
        if (removed == 0) {
            throw new NotFoundException("Compatible item");
        }
    }

    /** Makes the item fit exactly these models (the item page's checkboxes); unknown ids are a 404. */
    @Transactional
    public void setModelsOfItem(UUID itemId, Collection<UUID> modelIds) {
        requireItem(itemId);
        modelIds.forEach(this::get);
        UUID[] wanted = modelIds.toArray(UUID[]::new);
        jdbc.sql("""
                        DELETE FROM item_vehicle_models
                        WHERE tenant_id = :tenant AND item_id = :item AND NOT model_id = ANY(:models)""")
                .param("tenant", TenantContext.tenantId()).param("item", itemId).param("models", wanted).update();
        modelIds.forEach(model -> markCompatible(model, itemId));
    }

    private void requireItem(UUID itemId) {
        if (jdbc.sql("SELECT count(*) FROM items WHERE id = :id AND deleted_at IS NULL").param("id", itemId)
                .query(Long.class).single() == 0) {
            throw new NotFoundException("Item");
        }
    }

    private static RuntimeException nameTaken(String name) {
        return Problems.of(CatalogProblem.VEHICLE_MODEL_NAME_TAKEN, "A vehicle model is already named " + name.trim());
    }
}
