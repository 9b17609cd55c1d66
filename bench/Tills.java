import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tills out of Bodega's JVM (issue 17, decision 3): a small wrk-like load generator, its own process, one thread and
 * one keep-alive HTTP/1.1 connection per till, so the load's CPU and garbage are not charged to Bodega.
 * <p>
 * Usage: {@code java bench/Tills.java <script-dir> <seconds> <latencies-file>}. The script directory holds one file
 * per till, {@code till-<k>.txt}: a first line {@code METHOD URL}, then header lines {@code Name: value} up to an
 * empty line, then one request body per line (none for a GET), taken in turn. A header value {@code <uuid>} is a
 * fresh UUID per request (an Idempotency-Key). Prints {@code ok=… seconds=… failures=status:count,…}; writes every
 * successful request's latency in nanoseconds, one per line.
 */
public final class Tills {

    record Script(String method, URI url, Map<String, String> headers, List<byte[]> bodies) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("Usage: java bench/Tills.java <script-dir> <seconds> <latencies-file>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        List<Script> scripts = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("till-")).sorted().toList()) {
                scripts.add(read(file));
            }
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long begin = System.nanoTime();
        for (Script script : scripts) {
            long[][] mine = {new long[1 << 16]};
            int[] count = {0};
            Thread thread = new Thread(() -> {
                try {
                    run(script, end, failures, mine, count);
                } catch (IOException e) {
                    failures.computeIfAbsent("io " + e.getMessage(), k -> new AtomicLong()).incrementAndGet();
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long ok = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
            for (long[] till : latencies) {
                for (long nanos : till) {
                    out.write(Long.toString(nanos));
                    out.newLine();
                    ok++;
                }
            }
        }
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((k, v) -> sorted.put(k, v.get()));
        StringBuilder line = new StringBuilder("ok=" + ok + " seconds=" + String.format("%.3f", elapsed) + " failures=");
        sorted.forEach((k, v) -> line.append(k.replaceAll("[,= :]", "_")).append(':').append(v).append(','));
        System.out.println(line);
    }

    /** One keep-alive connection at a time: Tomcat closes one after its 100th request, then the till reconnects. */
    private static void run(Script script, long end, Map<String, AtomicLong> failures, long[][] latencies, int[] count)
            throws IOException {
        int next = 0;
        while (System.nanoTime() < end) {
            next = connection(script, end, failures, latencies, count, next);
        }
    }

    private static int connection(Script script, long end, Map<String, AtomicLong> failures, long[][] latencies,
                                  int[] count, int next) throws IOException {
        int port = script.url().getPort() < 0 ? 80 : script.url().getPort();
        try (Socket socket = new Socket(script.url().getHost(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            boolean open = true;
            while (open && System.nanoTime() < end) {
                byte[] body = script.bodies().isEmpty() ? null : script.bodies().get(next++ % script.bodies().size());
                long start = System.nanoTime();
                out.write(request(script, body));
                out.flush();
                int response = readResponse(in);
                long took = System.nanoTime() - start;
                int status = Math.abs(response);
                open = response > 0;
                if (status / 100 == 2) {
                    if (count[0] == latencies[0].length) {
                        latencies[0] = Arrays.copyOf(latencies[0], count[0] * 2);
                    }
                    latencies[0][count[0]++] = took;
                } else {
                    failures.computeIfAbsent(Integer.toString(status), k -> new AtomicLong()).incrementAndGet();
                }
            }
        }
        return next;
    }

    private static byte[] request(Script script, byte[] body) {
        StringBuilder head = new StringBuilder(512).append(script.method()).append(' ')
                .append(script.url().getRawPath()).append(script.url().getRawQuery() == null ? "" : "?" + script.url().getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(script.url().getHost()).append("\r\n");
        script.headers().forEach((name, value) -> head.append(name).append(": ")
                .append(value.equals("<uuid>") ? UUID.randomUUID().toString() : value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return headBytes;
        }
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Reads one response (Content-Length or chunked), returns its status, negated when the server closes. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return close ? -status : status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Script read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] first = lines.get(0).split(" ", 2);
        Map<String, String> headers = new TreeMap<>();
        int i = 1;
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            String[] header = lines.get(i).split(":", 2);
            headers.put(header[0].trim(), header[1].trim());
        }
        List<byte[]> bodies = new ArrayList<>();
        for (i++; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                bodies.add(lines.get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Script(first[0], URI.create(first[1]), headers, bodies);
    }

    private Tills() {
    }
}
