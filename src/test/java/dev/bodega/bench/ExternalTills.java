package dev.bodega.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The rush's tills as a separate process (bench/Tills.java, issue 17 decision 3): the same companies, API keys and
 * baskets, but the load's CPU and garbage are no longer Bodega's. Scripts are written first, so the other process
 * only sends bytes and times answers.
 */
final class ExternalTills {

    private static final int BODIES_PER_TILL = 3000;

    private ExternalTills() {
    }

    /** The scripts of {@code clients} tills selling, each with its own baskets. */
    static Path sales(BenchApp app, List<RushData.Till> tills, int clients, IntFunction<Baskets> baskets)
            throws IOException {
        Path dir = scripts("sales");
        for (int k = 0; k < clients; k++) {
            BodegaTill till = new BodegaTill(app.baseUrl(), tills.get(k), baskets.apply(k));
            Baskets drawn = baskets.apply(k);
            try (BufferedWriter w = script(dir, k, "POST " + app.baseUrl() + "/api/v1/sales", tills.get(k),
                    "Content-Type: application/json", "Idempotency-Key: <uuid>")) {
                for (int i = 0; i < BODIES_PER_TILL; i++) {
                    w.write(till.saleJson(drawn.next()));
                    w.newLine();
                }
            }
        }
        return dir;
    }

    /** The scripts of {@code clients} tills asking who they are. */
    static Path me(BenchApp app, List<RushData.Till> tills, int clients) throws IOException {
        Path dir = scripts("me");
        for (int k = 0; k < clients; k++) {
            script(dir, k, "GET " + app.baseUrl() + "/api/v1/me", tills.get(k), "Accept: application/json").close();
        }
        return dir;
    }

    private static Path scripts(String name) throws IOException {
        Path dir = Path.of("target/bench/tills-" + name);
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static BufferedWriter script(Path dir, int k, String requestLine, RushData.Till till, String... headers)
            throws IOException {
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(String.format("till-%03d.txt", k)), StandardCharsets.UTF_8);
        w.write(requestLine);
        w.newLine();
        w.write("Authorization: Bearer " + till.company().tenant().apiKey());
        w.newLine();
        for (String header : headers) {
            w.write(header);
            w.newLine();
        }
        w.newLine();
        return w;
    }

    /** Runs bench/Tills.java on the scripts in {@code dir} with this JVM's java and reads back what it counted. */
    static LoadRun.Result run(Path dir, int clients, int seconds) throws Exception {
        Path latencies = dir.resolveSibling(dir.getFileName() + "-latencies.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "bench/Tills.java", dir.toString(),
                Integer.toString(seconds), latencies.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0 || !out.startsWith("ok=")) {
            throw new IllegalStateException("bench/Tills.java failed: " + out);
        }
        Map<String, String> fields = new TreeMap<>();
        for (String field : out.split(" ")) {
            String[] pair = field.split("=", 2);
            fields.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        Map<String, Long> errors = new TreeMap<>();
        for (String failure : fields.get("failures").split(",")) {
            if (!failure.isBlank()) {
                int colon = failure.lastIndexOf(':');
                errors.put(failure.substring(0, colon), Long.parseLong(failure.substring(colon + 1)));
            }
        }
        long[] nanos = Files.readAllLines(latencies).stream().mapToLong(Long::parseLong).toArray();
        Arrays.sort(nanos);
        return new LoadRun.Result(clients, Double.parseDouble(fields.get("seconds")), nanos.length, errors, nanos);
    }
}
