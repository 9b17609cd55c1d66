package dev.bodega.catalog.internal;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.util.Optional;

/** What PostgreSQL said when it refused a statement: the constraint it broke, or the hint a trigger raised. */
public final class SqlErrors {

    private SqlErrors() {
    }

    public static boolean brokeConstraint(Throwable e, String constraint) {
        return serverMessage(e).map(ServerErrorMessage::getConstraint).filter(constraint::equals).isPresent();
    }

    public static boolean hinted(Throwable e, String hint) {
        return serverMessage(e).map(ServerErrorMessage::getHint).filter(hint::equals).isPresent();
    }

    private static Optional<ServerErrorMessage> serverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException sql && sql.getServerErrorMessage() != null) {
                return Optional.of(sql.getServerErrorMessage());
            }
        }
        return Optional.empty();
    }
}
