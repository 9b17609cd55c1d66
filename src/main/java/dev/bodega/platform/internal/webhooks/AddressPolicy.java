package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.Problems;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go (server-side request forgery): only http(s) to hosts whose every resolved address is public,
 * so an endpoint cannot make Bodega call its own machine, its network or a cloud's metadata service. Checked when an
 * endpoint is saved and again before each attempt (a name may resolve elsewhere later). Loopback, link-local,
 * private (site-local, unique-local, carrier-grade NAT), wildcard and multicast addresses are refused unless the
 * operator allows private addresses ({@code bodega.webhooks.allow-private}).
 * <p>
 * An attempt connects only to the addresses checked ({@link #target}), never to the name again: a name that answers
 * a public address to the check and a private one a moment later (DNS rebinding) still reaches the public one.
 */
final class AddressPolicy {

    /** How a host name becomes addresses ({@code InetAddress::getAllByName}; tests answer their own). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Where one attempt goes: the URL, and the checked addresses of its host, the only ones it may connect to. */
    record Target(URI uri, List<InetAddress> addresses) {
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    AddressPolicy(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    AddressPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL as a URI, or a problem saying why it cannot be a webhook endpoint (when it is saved). */
    URI check(String url) {
        URI uri = parse(url);
        return allowPrivate ? uri : target(uri).uri();
    }

    /** The URL with its host resolved once and every address checked, or a problem saying why not. */
    Target target(String url) {
        return target(parse(url));
    }

    private Target target(URI uri) {
        List<InetAddress> addresses;
        try {
            addresses = List.of(resolver.resolve(uri.getHost()));
        } catch (UnknownHostException e) {
            throw Problems.of(WebhookProblem.ADDRESS_REFUSED, "The host " + uri.getHost() + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw Problems.of(WebhookProblem.ADDRESS_REFUSED, "The host " + uri.getHost() + " does not resolve");
        }
        if (!allowPrivate && !addresses.stream().allMatch(AddressPolicy::isPublic)) {
            throw Problems.of(WebhookProblem.ADDRESS_REFUSED, "The host " + uri.getHost()
                    + " resolves to a loopback, link-local or private address");
        }
        return new Target(uri, addresses);
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
