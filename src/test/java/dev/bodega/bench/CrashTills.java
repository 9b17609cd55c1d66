package dev.bodega.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash suite's tills: each sells (completed at once, group commit), and now and then receives the stock it
 * sold back into its store, or moves one piece to the other store; every request has its own Idempotency-Key and
 * its document carries that key in its note. A request that got no answer (connection refused or reset, a
 * timeout) or a 5xx is sent again with the same key and body until it is answered; what each key was answered is
 * kept, to be compared with the database.
 */
final class CrashTills {

    enum Kind { SALE, RECEIPT, TRANSFER }

    /** The answer a key finally got: its status and the document it names (the sale or the posting). */
    record Answer(Kind kind, int status, UUID document, String problem) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private static final Pattern SALE_ID = Pattern.compile("^\\{\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern POSTING_ID = Pattern.compile("\"postingId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([a-z0-9-]+)\"");

    private final String baseUrl;
    private final CrashData.Company company;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    CrashTills(String baseUrl, CrashData.Company company) {
        this.baseUrl = baseUrl;
        this.company = company;
    }

    void start(int tills, long seed) {
        for (int k = 0; k < tills; k++) {
            Till till = new Till(k, new Random(seed + k));
            Thread thread = new Thread(till::run, "crash-till-" + k);
            threads.add(thread);
            thread.start();
        }
    }

    /** Each till finishes the request it is on (answered, however many retries that takes) and stops. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    Map<String, Answer> answers() {
        return answers;
    }

    long attempts() {
        return attempts.get();
    }

    long retried() {
        return retried.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** Waits until a request is acknowledged after the {@code seen}-th one: the service is back. */
    void awaitAcknowledgedAfter(long seen, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (acknowledged.get() <= seen) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No request acknowledged within " + timeoutSeconds + " s of the restart");
            }
            Thread.sleep(20);
        }
    }

    /** The answers that were not acknowledgements, by status and problem type. */
    Map<String, Long> refusals() {
        Map<String, Long> refused = new TreeMap<>();
        answers.values().stream().filter(a -> !a.acknowledged())
                .forEach(a -> refused.merge(a.status() + (a.problem() == null ? "" : " " + a.problem()), 1L, Long::sum));
        return refused;
    }

    private final class Till {

        private final int index;
        private final Random random;
        private final UUID store;
        private final UUID otherStore;
        /** What this till took out of its store since its last receipt, per item. */
        private final int[] taken = new int[CrashData.ITEMS];
        private long sent;

        Till(int index, Random random) {
            this.index = index;
            this.random = random;
            this.store = company.stores().get(index % 2);
            this.otherStore = company.stores().get((index + 1) % 2);
        }

        void run() {
            while (!stopping) {
                long n = sent++;
                String key = UUID.randomUUID().toString();
                if (n % 10 == 9) {
                    send(Kind.RECEIPT, "/api/v1/stock/receipts", key, receipt(key));
                } else if (n % 10 == 4) {
                    send(Kind.TRANSFER, "/api/v1/stock/transfers", key, transfer(key));
                } else {
                    send(Kind.SALE, "/api/v1/sales", key, sale(key));
                }
            }
        }

        private String sale(String key) {
            StringBuilder json = new StringBuilder(400).append("{\"locationId\":\"").append(store)
                    .append("\",\"seriesId\":\"").append(company.series().get(index)).append("\",\"notes\":\"").append(key).append('"');
            if (random.nextBoolean()) {
                json.append(",\"customerId\":\"").append(company.customers().get(random.nextInt(CrashData.CUSTOMERS))).append('"');
            }
            json.append(",\"complete\":true,\"lines\":[");
            long total = 0;
            int first = random.nextInt(CrashData.ITEMS);
            int lines = 1 + random.nextInt(3);
            for (int i = 0; i < lines; i++) {
                int rank = (first + i) % CrashData.ITEMS;
                int quantity = 1 + random.nextInt(2);
                taken[rank] += quantity;
                total += quantity * CrashData.priceCents(rank);
                json.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(company.items().get(rank))
                        .append("\",\"quantity\":").append(quantity).append('}');
            }
            return json.append("],\"payments\":[{\"method\":\"card\",\"amount\":\"").append(total / 100).append('.')
                    .append(String.format("%02d", total % 100)).append("\"}]}").toString();
        }

        /** Puts back what the till took, so its store's levels hover around their minimum. */
        private String receipt(String key) {
            StringBuilder json = new StringBuilder(400).append("{\"locationId\":\"").append(store)
                    .append("\",\"note\":\"").append(key).append("\",\"lines\":[");
            boolean any = false;
            for (int rank = 0; rank < CrashData.ITEMS; rank++) {
                if (taken[rank] > 0) {
                    json.append(any ? "," : "").append("{\"itemId\":\"").append(company.items().get(rank))
                            .append("\",\"quantity\":").append(taken[rank]).append(",\"unitCost\":2.50}");
                    taken[rank] = 0;
                    any = true;
                }
            }
            if (!any) {
                json.append("{\"itemId\":\"").append(company.items().get(0)).append("\",\"quantity\":1}");
            }
            return json.append("]}").toString();
        }

        private String transfer(String key) {
            int rank = random.nextInt(CrashData.ITEMS);
            taken[rank]++;
            return "{\"fromLocationId\":\"" + store + "\",\"toLocationId\":\"" + otherStore + "\",\"note\":\"" + key
                    + "\",\"lines\":[{\"itemId\":\"" + company.items().get(rank) + "\",\"quantity\":1}]}";
        }

        /** Sends until answered: no answer or a 5xx is sent again, same key, same body. */
        private void send(Kind kind, String path, String key, String body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + company.apiKey()).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long pause = 50;
            for (int attempt = 0; ; attempt++) {
                if (attempt == 1) {
                    retried.incrementAndGet();
                }
                attempts.incrementAndGet();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() < 500) {
                        Answer answer = answer(kind, response);
                        answers.put(key, answer);
                        if (answer.acknowledged()) {
                            acknowledged.incrementAndGet();
                        }
                        return;
                    }
                } catch (IOException e) {
                    // no answer: the application or its database is down, or the connection was cut
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Till interrupted while a request was unanswered", e);
                }
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
            }
        }
    }

    private static Answer answer(Kind kind, HttpResponse<String> response) {
        Matcher id = (kind == Kind.SALE ? SALE_ID : POSTING_ID).matcher(response.body());
        Matcher problem = PROBLEM_TYPE.matcher(response.body());
        boolean ok = response.statusCode() / 100 == 2;
        return new Answer(kind, response.statusCode(), ok && id.find() ? UUID.fromString(id.group(1)) : null,
                !ok && problem.find() ? problem.group(1) : null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
