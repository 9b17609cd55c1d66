package dev.bodega.inventory.internal.ledger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code --verify-ledger}: checks the ledger invariant for every tenant, prints
 * the result and exits with 0 (consistent), 1 (mismatches) or 2 (the check
 * could not run). Without the option the application starts as usual.
 */
@Component
class VerifyLedgerCommand implements ApplicationRunner {

    static final String OPTION = "verify-ledger";
    static final int CONSISTENT = 0;
    static final int MISMATCHES = 1;
    static final int FAILED = 2;

    private final LedgerCheck check;
    private final ConfigurableApplicationContext context;

    VerifyLedgerCommand(LedgerCheck check, ConfigurableApplicationContext context) {
        this.check = check;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int code = verify(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Checks every tenant and prints one line per mismatching level; returns the exit code. */
    int verify(PrintStream out) {
        List<LedgerCheck.TenantMismatch> mismatches;
        try {
            mismatches = check.allTenants();
        } catch (RuntimeException e) {
            out.println("verify-ledger: the check could not run: " + rootMessage(e));
            return FAILED;
        }
        if (mismatches.isEmpty()) {
            out.println("verify-ledger: OK, on hand equals the ledger sum for every stock level of every tenant");
            return CONSISTENT;
        }
        out.println("verify-ledger: " + mismatches.size() + " stock level(s) differ from their ledger:");
        for (LedgerCheck.TenantMismatch m : mismatches) {
            out.println("  tenant=" + m.tenantSlug() + " (" + m.tenantId() + ") location=" + m.locationId()
                    + " item=" + m.itemId() + " onHand=" + m.onHand().toPlainString()
                    + " ledgerSum=" + m.ledgerTotal().toPlainString());
        }
        return MISMATCHES;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
