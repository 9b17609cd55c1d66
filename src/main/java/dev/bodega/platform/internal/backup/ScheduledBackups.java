package dev.bodega.platform.internal.backup;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes every company's backup on a schedule (db-scheduler: once per cluster) and keeps the newest few of each.
 * A company whose export fails is logged and skipped; the others are still written.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class ScheduledBackups {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    record Company(UUID id, String slug) {
    }

    @Bean
    @ConditionalOnProperty(name = "bodega.backup.scheduled", havingValue = "true")
    RecurringTask<Void> companyBackupsTask(BackupProperties properties, CompanyExport export,
                                           @Qualifier("ownerDataSource") DataSource owner, Clock clock) {
        return Tasks.recurring("company-backups", Schedules.cron(properties.schedule()))
                .execute((instance, context) -> writeAll(properties, export, owner, clock));
    }

    /** Returns the archives written. */
    static List<Path> writeAll(BackupProperties properties, CompanyExport export, DataSource owner, Clock clock) {
        return companies(owner).stream().flatMap(company -> {
            try {
                return Stream.of(backUp(properties, export, company, clock));
            } catch (IOException | SQLException | RuntimeException e) {
                log.error("The scheduled backup of company {} failed", company.slug(), e);
                return Stream.empty();
            }
        }).toList();
    }

    /** Writes one company's archive and prunes its older ones. */
    static Path backUp(BackupProperties properties, CompanyExport export, Company company, Clock clock)
            throws IOException, SQLException {
        Path written = write(properties, export, company, clock);
        prune(written.getParent(), properties.keep());
        return written;
    }

    private static Path write(BackupProperties properties, CompanyExport export, Company company, Clock clock)
            throws IOException, SQLException {
        Path dir = Files.createDirectories(properties.dir().resolve(company.slug()));
        Path target = dir.resolve(company.slug() + "-" + STAMP.format(clock.instant()) + ".zip");
        Path partial = Files.createTempFile(dir, ".backup-", ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            export.export(company.id(), out);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes all but the newest {@code keep} archives (their names sort by time). */
    static void prune(Path dir, int keep) throws IOException {
        List<Path> archives;
        try (Stream<Path> files = Files.list(dir)) {
            archives = files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        for (Path old : archives.subList(0, Math.max(0, archives.size() - Math.max(1, keep)))) {
            Files.delete(old);
        }
    }

    private static List<Company> companies(DataSource owner) {
        try (OwnerSession session = OwnerSession.snapshot(owner, new UUID(0, 0))) {
            return session.jdbc.sql("SELECT id, slug FROM tenants WHERE deleted_at IS NULL ORDER BY slug")
                    .query(Company.class).list();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
