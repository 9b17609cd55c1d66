package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.Problems;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may go (server-side request forgery): only http(s) to hosts whose every resolved address is public,
 * so an endpoint cannot make Bodega call its own machine, its network or a cloud's metadata service. Checked when an
 * endpoint is saved and again before each attempt (a name may resolve elsewhere later). Loopback, link-local,
 * private (site-local, unique-local, carrier-grade NAT), wildcard and multicast addresses are refused unless the
 * operator allows private addresses ({@code bodega.webhooks.allow-private}).
 */
final class AddressPolicy {

    private final boolean allowPrivate;

    AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL as a URI, or a problem saying why it cannot be a webhook endpoint. */
    URI check(String url) {
        URI uri = parse(url);
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw Problems.of(WebhookProblem.ADDRESS_REFUSED, "The host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw Problems.of(WebhookProblem.ADDRESS_REFUSED, "The host " + uri.getHost()
                        + " resolves to a loopback, link-local or private address");
            }
        }
        return uri;
    }

    static URI parse(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw Problems.of(WebhookProblem.INVALID_URL, "An endpoint is an http or https URL with a host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw Problems.of(WebhookProblem.INVALID_URL, "An endpoint is an http or https URL with a host");
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isV4Mapped(b);
            return !uniqueLocal && (!mappedV4 || isPublicV4(b[12], b[13]));
        }
        return isPublicV4(b[0], b[1]);
    }

    /** 0.0.0.0/8 and carrier-grade NAT 100.64.0.0/10 (the rest of the private ranges Java already knows). */
    private static boolean isPublicV4(byte first, byte second) {
        int a = first & 0xff;
        int b = second & 0xff;
        return a != 0 && a != 127 && a != 10 && !(a == 100 && b >= 64 && b < 128) && !(a == 169 && b == 254)
                && !(a == 172 && b >= 16 && b < 32) && !(a == 192 && b == 168);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
