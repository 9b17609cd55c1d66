package dev.bodega.messaging.internal.whatsapp;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The WhatsApp Cloud API (Meta's Graph API): sending messages from a business number and fetching the media
 * customers send. The base URL (with its version) comes from configuration, so tests and the demo point it
 * elsewhere. Every failure is a {@link GraphApiException} that says whether a retry may help.
 */
class GraphApiClient {

    /** A fetched attachment. */
    record Download(byte[] bytes, String mimeType) {
    }

    /** Graph error codes that mean "slow down", not "wrong request". */
    private static final Set<Integer> THROTTLED = Set.of(4, 80007, 130429, 131048, 131056);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final String baseUrl;

    GraphApiClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        // HTTP/1.1: a multipart upload over a cleartext HTTP/2 upgrade is cut short by some servers.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** Sends free text; {@code replyTo} (a wamid, or null) quotes that message. Returns the new message's wamid. */
    String sendText(String phoneNumberId, String token, String to, String body, String replyTo) {
        ObjectNode message = envelope(to, "text");
        message.putObject("text").put("preview_url", false).put("body", body);
        if (replyTo != null) {
            message.putObject("context").put("message_id", replyTo);
        }
        return send(phoneNumberId, token, message);
    }

    /** Sends an approved template; {@code parameters} fill its body's {{1}}, {{2}}... in order. */
    String sendTemplate(String phoneNumberId, String token, String to, String name, String language,
                        List<String> parameters) {
        ObjectNode message = envelope(to, "template");
        ObjectNode template = message.putObject("template").put("name", name);
        template.putObject("language").put("code", language);
        if (!parameters.isEmpty()) {
            ArrayNode values = template.putArray("components").addObject().put("type", "body").putArray("parameters");
            parameters.forEach(p -> values.addObject().put("type", "text").put("text", p));
        }
        return send(phoneNumberId, token, message);
    }

    /**
     * Sends media uploaded before ({@code mediaId}) as an {@code image}, {@code video}, {@code audio} or
     * {@code document}; a caption where WhatsApp shows one, the file name for a document.
     */
    String sendMedia(String phoneNumberId, String token, String to, String type, String mediaId, String caption,
                     String fileName) {
        ObjectNode message = envelope(to, type);
        ObjectNode media = message.putObject(type).put("id", mediaId);
        if (caption != null && !caption.isBlank() && !"audio".equals(type)) {
            media.put("caption", caption);
        }
        if ("document".equals(type) && fileName != null) {
            media.put("filename", fileName);
        }
        return send(phoneNumberId, token, message);
    }

    /** Uploads a file to the number's media endpoint (multipart, as Meta asks); returns its media id. */
    String uploadMedia(String phoneNumberId, String token, byte[] bytes, String mimeType, String fileName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("messaging_product", "whatsapp");
        parts.add("type", mimeType);
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName == null ? "file" : fileName;
            }
        });
        JsonNode answer = call(() -> http.post().uri(URI.create(baseUrl + "/" + phoneNumberId + "/media"))
                .headers(auth(token)).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> answer(response.getStatusCode().value(), response.bodyTo(byte[].class))));
        String id = answer.path("id").asString("");
        if (id.isEmpty()) {
            throw new GraphApiException(200, 0, "The Graph API took the file but gave no media id", false, null);
        }
        return id;
    }

    /** Fetches an attachment: its URL from the media endpoint, then the bytes (checked against their SHA-256). */
    Download fetchMedia(String mediaId, String token) {
        JsonNode media = call(() -> http.get().uri(URI.create(baseUrl + "/" + mediaId)).headers(auth(token))
                .exchange((request, response) -> answer(response.getStatusCode().value(), response.bodyTo(byte[].class))));
        String url = media.path("url").asString("");
        if (url.isEmpty()) {
            throw new GraphApiException(200, 0, "The media endpoint gave no URL for " + mediaId, false, null);
        }
        byte[] bytes = call(() -> http.get().uri(URI.create(url)).headers(auth(token))
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    byte[] body = response.bodyTo(byte[].class);
                    if (status >= 300) {
                        answer(status, body);
                    }
                    return body == null ? new byte[0] : body;
                }));
        String sha256 = media.path("sha256").asString("");
        if (!sha256.isEmpty() && !matchesHash(sha256, bytes)) {
            throw new GraphApiException(200, 0, "The media " + mediaId + " arrived damaged", true, null);
        }
        return new Download(bytes, media.path("mime_type").asString("application/octet-stream"));
    }

    private String send(String phoneNumberId, String token, ObjectNode message) {
        JsonNode answer = call(() -> http.post().uri(URI.create(baseUrl + "/" + phoneNumberId + "/messages"))
                .headers(auth(token)).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(message))
                .exchange((request, response) -> answer(response.getStatusCode().value(), response.bodyTo(byte[].class))));
        String id = answer.path("messages").path(0).path("id").asString("");
        if (id.isEmpty()) {
            throw new GraphApiException(200, 0, "The Graph API accepted the message but gave no id", false, null);
        }
        return id;
    }

    private static ObjectNode envelope(String to, String type) {
        return JSON.createObjectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", to).put("type", type);
    }

    /** The JSON of a 2xx answer; otherwise the Graph error ({@code {"error":{"message","code",...}}}) thrown. */
    private static JsonNode answer(int status, byte[] body) {
        JsonNode json = parse(body);
        if (status >= 200 && status < 300) {
            return json;
        }
        JsonNode error = json.path("error");
        int code = error.path("code").asInt(0);
        String message = error.path("message").asString("HTTP " + status);
        boolean retryable = status >= 500 || status == 429 || THROTTLED.contains(code);
        throw new GraphApiException(status, code, message, retryable, null);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new GraphApiException(0, 0, "The Graph API could not be reached: " + e.getMessage(), true, e);
        }
    }

    private static java.util.function.Consumer<HttpHeaders> auth(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    /** Meta writes the hash in hex on the media endpoint and in base64 in webhooks. */
    private static boolean matchesHash(String expected, byte[] bytes) {
        String hex = sha256Hex(bytes);
        return expected.equalsIgnoreCase(hex)
                || expected.equals(java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
