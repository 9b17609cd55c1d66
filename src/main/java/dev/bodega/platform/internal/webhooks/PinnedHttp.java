package dev.bodega.platform.internal.webhooks;

import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Posts one webhook attempt to a checked {@link AddressPolicy.Target}, connecting only to its addresses: the client's
 * resolver answers them and nothing else, so the name is never looked up again (DNS rebinding), while the Host
 * header, TLS SNI and the certificate's host name check still use the URL's name. OkHttp, because the JDK's client
 * has no resolver to replace. No proxy (it would look the name up itself) and no redirects (they lead elsewhere).
 */
final class PinnedHttp {

    /** What came back: status, headers one per line, and at most {@code maxBody} bytes of the body. */
    record Reply(int status, String headers, String body) {
    }

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient base = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY)
            .followRedirects(false).followSslRedirects(false).connectTimeout(Duration.ofSeconds(10)).build();

    Reply post(AddressPolicy.Target target, Map<String, String> headers, String body, Duration timeout, long maxBody)
            throws IOException {
        Dns pinned = host -> {
            if (!host.equalsIgnoreCase(HttpUrl.get(target.uri()).host())) {
                throw new UnknownHostException(host + " is not the endpoint's host");
            }
            return target.addresses();
        };
        // Connections are pooled per address, resolver included, so none made for another target is reused here.
        OkHttpClient client = base.newBuilder().dns(pinned).callTimeout(timeout).readTimeout(timeout).build();
        Request.Builder request = new Request.Builder().url(HttpUrl.get(target.uri()))
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        headers.forEach(request::header);
        try (Response response = client.newCall(request.build()).execute()) {
            String replyHeaders = response.headers().toMultimap().entrySet().stream()
                    .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).collect(Collectors.joining("\n"));
            return new Reply(response.code(), replyHeaders, response.peekBody(maxBody).string());
        }
    }
}
