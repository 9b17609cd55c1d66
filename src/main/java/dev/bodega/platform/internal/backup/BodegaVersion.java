package dev.bodega.platform.internal.backup;

/** The version of the running Bodega, from its jar's manifest; a build from sources says so. */
final class BodegaVersion {

    private BodegaVersion() {
    }

    static String current() {
        String version = BodegaVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
