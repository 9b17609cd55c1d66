package dev.bodega.platform.internal.backup;

import dev.bodega.platform.CompanyBackups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code --export-company=<slug> --to=<file.zip>}: writes one company's backup;
 * {@code --import-company=<file.zip> --slug=<new>}: imports a backup as a new company. Exits 0, or 2 on failure
 * (an import that fails writes nothing).
 */
@Component
class BackupCommand implements ApplicationRunner {

    static final String EXPORT = "export-company";
    static final String IMPORT = "import-company";

    private final CompanyBackups backups;
    private final ConfigurableApplicationContext context;

    BackupCommand(CompanyBackups backups, ConfigurableApplicationContext context) {
        this.backups = backups;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(EXPORT) && !args.containsOption(IMPORT)) {
            return;
        }
        int code = args.containsOption(EXPORT)
                ? export(single(args, EXPORT), single(args, "to"), System.out)
                : importArchive(single(args, IMPORT), single(args, "slug"), System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int export(String slug, String to, PrintStream out) {
        if (slug == null || to == null) {
            out.println("export-company: usage --export-company=<slug> --to=<file.zip>");
            return 2;
        }
        var tenant = backups.companyId(slug);
        if (tenant.isEmpty()) {
            out.println("export-company: no company '" + slug + "'");
            return 2;
        }
        Path target = Path.of(to).toAbsolutePath();
        try {
            Path partial = Files.createTempFile(target.getParent(), ".export-", ".part");
            try (OutputStream file = Files.newOutputStream(partial)) {
                backups.export(tenant.get(), file);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("export-company: wrote " + slug + " to " + target);
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("export-company: failed: " + e.getMessage());
            return 2;
        }
    }

    int importArchive(String archive, String slug, PrintStream out) {
        if (archive == null || slug == null) {
            out.println("import-company: usage --import-company=<file.zip> --slug=<new company identifier>");
            return 2;
        }
        try {
            CompanyBackups.Imported imported = backups.importCompany(Path.of(archive), slug);
            out.println("import-company: imported " + imported.rows() + " rows in " + imported.tables()
                    + " tables as company '" + imported.slug() + "' (" + imported.tenantId() + ")");
            imported.notes().forEach(note -> out.println("import-company: " + note));
            return 0;
        } catch (ErrorResponseException e) {
            out.println("import-company: refused, nothing imported: " + e.getBody().getDetail());
            return 2;
        } catch (RuntimeException e) {
            out.println("import-company: failed, nothing imported: " + e.getMessage());
            return 2;
        }
    }

    private static String single(ApplicationArguments args, String option) {
        List<String> values = args.getOptionValues(option);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
