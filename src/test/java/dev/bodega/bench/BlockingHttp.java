package dev.bodega.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The load clients' HTTP: {@link HttpURLConnection}, blocking, on pooled keep-alive connections. The tills
 * share the machine's cores with Bodega, so they use the cheapest client the JDK has; {@code java.net.http}
 * took about a quarter of the JVM's CPU in a profile of the rush.
 */
final class BlockingHttp {

    record Response(int status, String body) {
    }

    private BlockingHttp() {
    }

    /** Keeps up to {@code connections} idle connections to Bodega (the JDK's default is 5). */
    static void keepAlive(int connections) {
        System.setProperty("http.maxConnections", String.valueOf(connections));
    }

    static Response send(String method, URL url, Map<String, String> headers, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        // Read to the end and close, so the connection goes back to the pool.
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
