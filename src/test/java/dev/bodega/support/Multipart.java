package dev.bodega.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data upload (one file plus plain fields) to the running test server, with an API key. */
public final class Multipart {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Multipart() {
    }

    public static Api.Response upload(Api api, String key, String path, Map<String, String> fields, String fileName,
                                      String content) {
        return upload(api, key, path, fields, fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of any type and bytes (an image, a file too large). */
    public static Api.Response upload(Api api, String key, String path, Map<String, String> fields, String fileName,
                                      String contentType, byte[] content) {
        String boundary = "bodega-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, fields, fileName, contentType, content)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            return new Api.Response(response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] body(String boundary, Map<String, String> fields, String fileName, String content) {
        return body(boundary, fields, fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] body(String boundary, Map<String, String> fields, String fileName, String contentType,
                               byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
