package dev.bodega.platform;

/** The installation's operators (the console at /operator, outside every company), for the demo that makes one. */
public interface OperatorAccounts {

    /** Creates the operator unless one with that email exists (an existing one keeps its password). */
    void createIfMissing(String email, String name, String password);
}
