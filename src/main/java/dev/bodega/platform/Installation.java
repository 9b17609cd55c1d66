package dev.bodega.platform;

/** Facts about this installation (one database), not about any tenant. */
public interface Installation {

    /**
     * True for the one caller that claims the demo company's creation on this database; false ever after,
     * across restarts, even once the demo company is changed or deleted.
     */
    boolean claimDemoCompany();
}
