package dev.bodega.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** One client timing GETs one after another, the way a person waits for a page or a scan. */
final class HttpGets {

    static final int WARMUP = 5;

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private String firstFailure;

    HttpGets(HttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** {@code samples} GETs of the paths {@code paths} gives, after a few untimed ones; 200 is a success. */
    LoadRun.Result time(Supplier<String> paths, int samples) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(paths.get());
        }
        long[] nanos = new long[samples];
        int ok = 0;
        Map<String, Long> errors = new TreeMap<>();
        long begin = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            String path = paths.get();
            long t0 = System.nanoTime();
            HttpResponse<String> response = get(path);
            long took = System.nanoTime() - t0;
            if (response.statusCode() == 200) {
                nanos[ok++] = took;
            } else {
                errors.merge(BodegaTill.failure(response.statusCode(), response.body()), 1L, Long::sum);
                if (firstFailure == null) {
                    firstFailure = path + " → " + response.statusCode() + " " + response.body();
                    System.out.println("First failure: " + firstFailure);
                }
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] sorted = Arrays.copyOf(nanos, ok);
        Arrays.sort(sorted);
        return new LoadRun.Result(1, seconds, ok, errors, sorted);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
