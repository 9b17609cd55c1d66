package dev.bodega.platform.internal.backup;

import dev.bodega.platform.CompanyBackups;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

@Service
class BackupService implements CompanyBackups {

    private final CompanyExport export;
    private final CompanyImport importer;
    private final DataSource owner;
    private final ApplicationEventPublisher events;

    BackupService(CompanyExport export, CompanyImport importer, @Qualifier("ownerDataSource") DataSource owner,
                  ApplicationEventPublisher events) {
        this.export = export;
        this.importer = importer;
        this.owner = owner;
        this.events = events;
    }

    @Override
    public void export(UUID tenantId, OutputStream out) {
        try {
            export.export(tenantId, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("The export of company " + tenantId + " failed", e);
        }
    }

    @Override
    public Imported importCompany(Path archive, String slug) {
        try {
            Imported imported = importer.importCompany(archive, slug);
            events.publishEvent(imported);
            return imported;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("The import of " + archive.getFileName() + " failed", e);
        }
    }

    /** The owner lists every company (policy tenants_owner_lists_all); the application role sees only its own. */
    @Override
    public Optional<UUID> companyId(String slug) {
        try (OwnerSession session = OwnerSession.snapshot(owner, new UUID(0, 0))) {
            return session.jdbc.sql("SELECT id FROM tenants WHERE slug = :slug").param("slug", slug)
                    .query(UUID.class).optional();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
