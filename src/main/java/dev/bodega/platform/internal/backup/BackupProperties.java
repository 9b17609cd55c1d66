package dev.bodega.platform.internal.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Scheduled company backups: each company's archive written to {@code dir/<slug>/} on the cron {@code schedule}
 * (Spring's six fields, the server's time zone), the newest {@code keep} of each company kept.
 */
@ConfigurationProperties("bodega.backup")
record BackupProperties(boolean scheduled, String schedule, Path dir, int keep) {
}
