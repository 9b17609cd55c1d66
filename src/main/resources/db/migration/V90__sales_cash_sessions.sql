-- Cash sessions of a till (Odoo's POS session, ERPNext's opening and closing entries): opened with a float at a
-- store, cash put in and taken out with a reason, closed with a count by denomination, and a Z report. One open
-- session per location at a time; its number (the Z number) runs per location. A sale completed at the location
-- while a session is open belongs to it (sales.cash_session_id); refunds of returns and cancellations made while it
-- is open are its movements, so the expected cash is the float plus what the session's own rows say. Those rows are
-- never edited (a sale's payments and totals stay as completed), so a closed session's Z report reads the same later.

CREATE TABLE cash_sessions (
    tenant_id     uuid          NOT NULL REFERENCES tenants (id),
    id            uuid          NOT NULL,
    location_id   uuid          NOT NULL,
    number        bigint        NOT NULL CHECK (number >= 1),
    status        varchar(10)   NOT NULL CHECK (status IN ('open', 'closed')),
    currency      char(3)       NOT NULL,
    opening_float numeric(14,2) NOT NULL CHECK (opening_float >= 0),
    opening_note  text,
    opened_by     uuid,
    opened_at     timestamptz   NOT NULL DEFAULT now(),
    closed_by     uuid,
    closed_at     timestamptz,
    closing_note  text,
    expected_cash numeric(14,2),
    counted_cash  numeric(14,2) CHECK (counted_cash >= 0),
    difference    numeric(14,2),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, opened_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, closed_by) REFERENCES users (tenant_id, id),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CHECK (status = 'open' OR (expected_cash IS NOT NULL AND counted_cash IS NOT NULL
                               AND difference = counted_cash - expected_cash))
);
CREATE UNIQUE INDEX cash_sessions_open_key ON cash_sessions (tenant_id, location_id) WHERE status = 'open';
CREATE UNIQUE INDEX cash_sessions_number_key ON cash_sessions (tenant_id, location_id, number);
CREATE INDEX cash_sessions_opened_idx ON cash_sessions (tenant_id, opened_at DESC);

-- in/out: cash put in or taken out by hand, with a reason; return/cancellation: what a refund paid back while the
-- session was open, per payment method (only cash ones change the drawer).
CREATE TABLE cash_movements (
    tenant_id  uuid          NOT NULL,
    id         uuid          NOT NULL,
    session_id uuid          NOT NULL,
    kind       varchar(20)   NOT NULL CHECK (kind IN ('in', 'out', 'return', 'cancellation')),
    method     varchar(20)   NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'other')),
    amount     numeric(14,2) NOT NULL CHECK (amount > 0),
    reason     text,
    sale_id    uuid,
    return_id  uuid,
    user_id    uuid,
    created_at timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES cash_sessions (tenant_id, id),
    FOREIGN KEY (tenant_id, sale_id) REFERENCES sales (tenant_id, id),
    FOREIGN KEY (tenant_id, return_id) REFERENCES sale_returns (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    CHECK (kind NOT IN ('in', 'out') OR (method = 'cash' AND btrim(reason) <> '')),
    CHECK (kind <> 'return' OR return_id IS NOT NULL),
    CHECK (kind <> 'cancellation' OR sale_id IS NOT NULL)
);
CREATE INDEX cash_movements_session_idx ON cash_movements (tenant_id, session_id, created_at);

-- The closing count: how many of each bill and coin.
CREATE TABLE cash_counts (
    tenant_id    uuid          NOT NULL,
    session_id   uuid          NOT NULL,
    denomination numeric(14,2) NOT NULL CHECK (denomination > 0),
    quantity     integer       NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (tenant_id, session_id, denomination),
    FOREIGN KEY (tenant_id, session_id) REFERENCES cash_sessions (tenant_id, id)
);

ALTER TABLE sales ADD COLUMN cash_session_id uuid;
ALTER TABLE sales ADD FOREIGN KEY (tenant_id, cash_session_id) REFERENCES cash_sessions (tenant_id, id);
CREATE INDEX sales_cash_session_idx ON sales (tenant_id, cash_session_id) WHERE cash_session_id IS NOT NULL;

SELECT app_protect_tenant_table('cash_sessions');
SELECT app_protect_tenant_table('cash_movements');
SELECT app_protect_tenant_table('cash_counts');

GRANT SELECT, INSERT, UPDATE ON cash_sessions TO ${app_role};
-- Movements and counts are records of what happened: never edited.
GRANT SELECT, INSERT ON cash_movements, cash_counts TO ${app_role};
