package dev.bodega.bench;

import dev.bodega.support.WebSession;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customer inbox benchmark (issue 14): Bodega in-process on a fresh embedded database, one company with a WhatsApp
 * channel, signed webhooks posted over HTTP as Meta would.
 * <ol>
 *   <li>1,000 open conversations (one webhook from each of 1,000 numbers) and 20 agents on the live stream.</li>
 *   <li>Inbound webhooks stored per second: {@code threads} senders for {@code seconds}, each a new message.</li>
 *   <li>Webhook to the agent's screen: paced webhooks, each to another conversation; the time from the POST to
 *       the {@code message} event on each of the 20 streams (p50, p99).</li>
 *   <li>The messages table grown to {@code rows} by SQL (spread over the 1,000 conversations and a year), then the
 *       inbox's first page (API and HTML page) p50/p95, with the agent's reads a day old and with none.</li>
 * </ol>
 * Usage: bench/inbox.sh [rows=10000000] [seconds=20] [threads=8]
 */
public final class InboxBenchmark {

    private static final String SECRET = "bench-app-secret";
    private static final String NUMBER = "900100200300";
    private static final int CONVERSATIONS = 1_000;
    private static final int AGENTS = 20;
    private static final Pattern EVENT = Pattern.compile("\"conversationId\":\"([0-9a-f-]{36})\"");

    private final BenchApp app;
    private final BenchApp.Tenant tenant;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong wamids = new AtomicLong();

    private InboxBenchmark(BenchApp app) {
        this.app = app;
        this.tenant = app.tenant("inbox");
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String dataDir = "target/bench-inbox-db";
        BenchApp.deleteDataDir(dataDir);
        try (BenchApp app = BenchApp.start(dataDir, true, "--bodega.whatsapp.webhooks-per-minute.starter=100000000",
                "--bodega.whatsapp.webhooks-per-minute.pro=100000000",
                "--bodega.whatsapp.webhooks-per-minute.enterprise=100000000",
                "--bodega.whatsapp.graph-url=http://127.0.0.1:9/v23.0")) {
            new InboxBenchmark(app).run(rows, seconds, threads);
        }
        System.exit(0);
    }

    private void run(long rows, int seconds, int threads) throws Exception {
        System.out.println(Figures.machine());
        post("/api/v1/messaging/whatsapp/channels", """
                {"name":"Bench","phoneNumberId":"%s","displayPhoneNumber":"+52 55 0000 0000",
                 "accessToken":"bench-token","appSecret":"%s"}""".formatted(NUMBER, SECRET), 201);
        long start = System.nanoTime();
        parallel(threads, CONVERSATIONS, i -> webhook(phone(i), "Hola, soy el cliente " + i));
        Figures.Table setup = new Figures.Table("Setup", "what", "count", "seconds");
        setup.row("open conversations (one webhook each)", CONVERSATIONS, secs(start));
        Map<String, String> byPhone = conversations();
        if (byPhone.size() != CONVERSATIONS) {
            throw new IllegalStateException("Expected 1,000 open conversations, found " + byPhone.size());
        }
        List<Stream> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(Stream.open(http, app.baseUrl(), tenant.apiKey()));
        }
        for (Stream agent : agents) {
            agent.hello.await(30, TimeUnit.SECONDS);
        }
        setup.row("agents on the live stream", AGENTS, "–");

        throughput(seconds, threads, byPhone.size());
        latency(agents, byPhone);
        agents.forEach(Stream::close);
        firstPage(rows, byPhone);
    }

    private void throughput(int seconds, int threads, int conversations) throws Exception {
        AtomicLong stored = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                int k = thread;
                while (System.nanoTime() < until) {
                    if (webhook(phone(k % conversations), "¿Tienen el filtro " + k + "?") == 200) {
                        stored.incrementAndGet();
                    }
                    k += threads;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = secs(start);
        long inDb = BenchSql.inTenant(app, tenant.id(), s -> Long.parseLong(BenchSql.text(s,
                "SELECT count(*) FROM messages WHERE tenant_id = '" + tenant.id() + "'")));
        Figures.Table table = new Figures.Table("Inbound webhooks", "senders", "seconds", "stored", "stored/s",
                "messages in the table");
        table.row(threads, String.format("%.1f", elapsed), stored.get(), String.format("%.0f", stored.get() / elapsed), inDb);
    }

    /** Paced webhooks, each to another conversation; every agent's stream times its {@code message} event. */
    private void latency(List<Stream> agents, Map<String, String> byPhone) throws Exception {
        List<String> phones = new ArrayList<>(byPhone.keySet());
        int count = Math.min(500, phones.size());
        List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            String conversation = byPhone.get(phones.get(i));
            List<CountDownLatch> seen = agents.stream().map(a -> a.expect(conversation)).toList();
            long sent = System.nanoTime();
            webhook(phones.get(i), "Mensaje de latencia " + i);
            for (int a = 0; a < agents.size(); a++) {
                if (seen.get(a).await(10, TimeUnit.SECONDS)) {
                    samples.add(agents.get(a).arrival(conversation) - sent);
                }
            }
            Thread.sleep(40);
        }
        List<Long> sorted = samples.stream().sorted().toList();
        Figures.Table table = new Figures.Table("Webhook to the agent's screen (SSE)", "webhooks", "agents",
                "events timed", "p50", "p99", "max");
        table.row(count, agents.size(), sorted.size(), ms(pct(sorted, 50)), ms(pct(sorted, 99)),
                ms(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)));
    }

    private void firstPage(long rows, Map<String, String> byPhone) throws Exception {
        long existing = BenchSql.inTenant(app, tenant.id(), s -> Long.parseLong(BenchSql.text(s,
                "SELECT count(*) FROM messages WHERE tenant_id = '" + tenant.id() + "'")));
        long start = System.nanoTime();
        long toAdd = Math.max(0, rows - existing);
        long batch = 1_000_000;
        for (long from = 0; from < toAdd; from += batch) {
            long n = Math.min(batch, toAdd - from);
            long offset = from;
            BenchSql.inTenant(app, tenant.id(), s -> s.executeUpdate("""
                    WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM conversations WHERE tenant_id = '%1$s')
                    INSERT INTO messages (tenant_id, id, conversation_id, platform, sender_type, content, message_type,
                                          is_from_me, status, created_at)
                    SELECT '%1$s', gen_random_uuid(), c.ids[1 + i %% cardinality(c.ids)], 'whatsapp',
                           CASE WHEN i %% 2 = 0 THEN 'contact' ELSE 'user' END, 'Mensaje de historia ' || i, 'text',
                           i %% 2 = 1, 'read', now() - interval '2 days' - (i * interval '3 seconds')
                    FROM c, generate_series(%2$d, %3$d) AS i""".formatted(tenant.id(), offset + 1, offset + n)));
            System.out.printf("messages: %,d of %,d added%n", offset + n, toAdd);
        }
        BenchSql.execute(app, "ANALYZE messages");
        Figures.Table setup = new Figures.Table("Messages table", "rows", "seconds to add");
        setup.row(String.format("%,d", existing + toAdd), String.format("%.0f", secs(start)));

        WebSession agent = WebSession.signedIn(app.baseUrl(), tenant.slug(), "admin@" + tenant.slug() + ".bench",
                "bench-password");
        Figures.Table pages = new Figures.Table("Inbox first page (50 of 1,000 open conversations)", "reads",
                "what", "requests", "p50", "p95");
        BenchSql.inTenant(app, tenant.id(), s -> s.executeUpdate("""
                INSERT INTO conversation_reads (tenant_id, conversation_id, user_id, read_at)
                SELECT tenant_id, id, '%s', now() - interval '1 day' FROM conversations WHERE tenant_id = '%s'
                ON CONFLICT (tenant_id, conversation_id, user_id) DO UPDATE SET read_at = excluded.read_at"""
                .formatted(tenant.adminId(), tenant.id())));
        timePages(pages, "a day ago", agent);
        BenchSql.inTenant(app, tenant.id(), s -> s.executeUpdate(
                "DELETE FROM conversation_reads WHERE tenant_id = '" + tenant.id() + "'"));
        timePages(pages, "never opened", agent);
        printUnreadPlan(byPhone.values().iterator().next());
    }

    /**
     * How one conversation's unread count runs for an agent who never opened it (the inbox's subquery, as the
     * superuser: the application role's policy adds the same tenant condition): V193's index, index only.
     */
    private void printUnreadPlan(String conversation) throws SQLException {
        String plan = BenchSql.inTenant(app, tenant.id(), s -> {
            StringBuilder lines = new StringBuilder();
            try (ResultSet r = s.executeQuery("""
                    EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (SELECT FROM messages m
                        WHERE m.tenant_id = '%s' AND m.conversation_id = '%s' AND m.sender_type = 'contact'
                          AND m.created_at > coalesce(NULL::timestamptz, '-infinity') LIMIT 100) x"""
                    .formatted(tenant.id(), conversation))) {
                while (r.next()) {
                    lines.append("  ").append(r.getString(1)).append('\n');
                }
            }
            return lines.toString();
        });
        System.out.println("Unread count of one conversation never opened (EXPLAIN ANALYZE):\n" + plan);
    }

    private void timePages(Figures.Table table, String reads, WebSession agent) throws Exception {
        List<Long> api = new ArrayList<>();
        List<Long> html = new ArrayList<>();
        for (int i = 0; i < 5; i++) {  // warm-up
            get("/api/v1/conversations?limit=50");
        }
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            get("/api/v1/conversations?limit=50");
            api.add(System.nanoTime() - start);
            start = System.nanoTime();
            if (agent.get("/inbox").status() != 200) {
                throw new IllegalStateException("The inbox page failed");
            }
            html.add(System.nanoTime() - start);
        }
        api.sort(null);
        html.sort(null);
        table.row(reads, "GET /api/v1/conversations", api.size(), ms(pct(api, 50)), ms(pct(api, 95)));
        table.row(reads, "GET /inbox (HTML)", html.size(), ms(pct(html, 50)), ms(pct(html, 95)));
    }

    /** Each open conversation's id by the contact's phone, through the API. */
    private Map<String, String> conversations() throws Exception {
        Map<String, String> byPhone = new java.util.LinkedHashMap<>();
        String cursor = null;
        Pattern item = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"contactId\":\"[0-9a-f-]{36}\",\"contactName\":"
                + "(?:null|\"[^\"]*\"),\"contactPhone\":\"\\+?([0-9]+)\"");
        do {
            String body = get("/api/v1/conversations?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            Matcher m = item.matcher(body);
            while (m.find()) {
                byPhone.put(m.group(2), m.group(1));
            }
            Matcher next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(body);
            cursor = next.find() ? java.net.URLEncoder.encode(next.group(1), StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        return byPhone;
    }

    private int webhook(String from, String text) {
        String wamid = "wamid.BENCH" + wamids.incrementAndGet();
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Cliente %s"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(NUMBER, from, from, from, wamid, System.currentTimeMillis() / 1000, text);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/webhooks/whatsapp"))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", sign(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + tenant.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void post(String path, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + tenant.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String phone(int i) {
        return String.valueOf(5215500000000L + i);
    }

    @FunctionalInterface
    private interface Step {
        void run(int i) throws Exception;
    }

    private static void parallel(int threads, int count, Step step) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            int k = i;
            pool.submit(() -> {
                step.run(k);
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** One agent's live stream (the API's SSE with the agent's key), read on its own thread. */
    private static final class Stream {

        final CountDownLatch hello = new CountDownLatch(1);
        private final Map<String, CountDownLatch> expected = new ConcurrentHashMap<>();
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile InputStream body;

        private Stream(HttpClient http, String baseUrl, String key) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/inbox/live"))
                    .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").GET().build();
            reader = new Thread(() -> read(http, request), "agent-stream");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(HttpClient http, String baseUrl, String key) {
            return new Stream(http, baseUrl, key);
        }

        CountDownLatch expect(String conversationId) {
            CountDownLatch latch = new CountDownLatch(1);
            expected.put(conversationId, latch);
            return latch;
        }

        long arrival(String conversationId) {
            return arrivals.get(conversationId);
        }

        private void read(HttpClient http, HttpRequest request) {
            try {
                body = http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                String event = "";
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                        if ("hello".equals(event)) {
                            hello.countDown();
                        }
                    } else if (line.startsWith("data:") && "message".equals(event)) {
                        Matcher m = EVENT.matcher(line);
                        if (m.find()) {
                            CountDownLatch latch = expected.remove(m.group(1));
                            if (latch != null) {
                                arrivals.put(m.group(1), System.nanoTime());
                                latch.countDown();
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (body != null) {
                    System.err.println("A live stream ended: " + e.getMessage());
                }
            }
        }

        void close() {
            try {
                if (body != null) {
                    body.close();
                }
            } catch (Exception ignored) {
                // closing a stream the server may have ended already
            }
            reader.interrupt();
        }
    }
}
