package dev.bodega.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench's built-in TPC-B-like script on the same PostgreSQL, in a database of
 * its own: the machine's reference for plain short write transactions.
 */
final class PgBench {

    static final String DATABASE = "pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    record Result(int clients, double tps, double latencyMs, long failed) {
    }

    private final String executable;
    private final int port;

    private PgBench(String executable, int port) {
        this.executable = executable;
        this.port = port;
    }

    /** pgbench from the given path or the PATH; null where it is not installed. */
    static PgBench find(String configured, int port) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            candidates.add(Path.of(dir, "pgbench"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .map(p -> new PgBench(p.toString(), port)).orElse(null);
    }

    String version() throws IOException, InterruptedException {
        return run(List.of(executable, "--version")).trim();
    }

    /** A fresh pgbench database of {@code scale} × 100,000 accounts, generated on the server. */
    void initialize(BenchApp app, int scale) throws SQLException, IOException, InterruptedException {
        BenchSql.execute(app, "DROP DATABASE IF EXISTS " + DATABASE);
        BenchSql.execute(app, "CREATE DATABASE " + DATABASE);
        run(command("-i", "-I", "dtGvp", "-q", "-s", String.valueOf(scale)));
    }

    Result run(int clients, int seconds) throws IOException, InterruptedException {
        int threads = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        String out = run(command("-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", String.valueOf(threads),
                "-T", String.valueOf(seconds)));
        return new Result(clients, number(TPS, out), number(LATENCY, out), (long) orZero(FAILED, out));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(executable, "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres"));
        command.addAll(List.of(args));
        command.add(DATABASE);
        return command;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected pgbench output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double orZero(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
