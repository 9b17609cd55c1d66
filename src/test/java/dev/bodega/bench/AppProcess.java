package dev.bodega.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodega as its own JVM (the crash suite): this process's class path, an external database, no demo company, on
 * a port that stays the same across restarts, so tills reconnect to it. Killed with SIGKILL: no shutdown hook,
 * no graceful stop.
 */
final class AppProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;
    private long lastStartMillis;

    AppProcess(Path dir, String databaseUrl) throws IOException {
        Files.createDirectories(dir);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        this.log = dir.resolve("bodega.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // The quick JIT only: Bodega restarts many times and the suite measures no throughput.
        command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.bodega.BodegaApplication",
                "--server.port=" + port, "--bodega.db.url=" + databaseUrl,
                "--bodega.db.user=bodega_app", "--bodega.db.password=bodega_app",
                "--bodega.db.owner-user=bodega_owner", "--bodega.db.owner-password=bodega_owner",
                "--bodega.db.pool-size=10", "--bodega.db.data-dir=" + dir,
                "--bodega.secrets.keyset-file=" + dir.resolve("keyset.json"),
                "--bodega.demo.enabled=false", "--logging.level.root=WARN"));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts Bodega and waits until it reports itself ready to take requests. */
    void start() throws Exception {
        long begin = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = begin + Duration.ofSeconds(300).toNanos();
        while (true) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    lastStartMillis = (System.nanoTime() - begin) / 1_000_000;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Bodega did not start; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** How long the last start took until ready, in milliseconds. */
    long lastStartMillis() {
        return lastStartMillis;
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
