package dev.bodega.inventory.internal.ledger;

import dev.bodega.platform.DataCheck;
import org.springframework.stereotype.Component;

import java.util.List;

/** The ledger invariant of every company, for the nightly data check and its metric. */
@Component
class LedgerDataCheck implements DataCheck {

    private final LedgerCheck check;

    LedgerDataCheck(LedgerCheck check) {
        this.check = check;
    }

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public List<String> violations() {
        return check.allTenants().stream()
                .map(m -> "tenant=" + m.tenantSlug() + " location=" + m.locationId() + " item=" + m.itemId()
                        + " onHand=" + m.onHand() + " ledgerSum=" + m.ledgerTotal())
                .toList();
    }
}
