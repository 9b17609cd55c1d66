package dev.bodega.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * C clients, each on its own thread, calling as fast as answers come for T
 * seconds: successes per second, latency percentiles of the successes, and
 * failures counted by kind.
 */
final class LoadRun {

    /** One call; returns null on success, else the kind of failure ("409 insufficient-stock", "40P01"...). */
    @FunctionalInterface
    interface Call {
        String call() throws Exception;
    }

    record Result(int clients, double seconds, long ok, Map<String, Long> errors, long[] sortedNanos) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        double maxMs() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        long failed() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        String errorSummary() {
            if (errors.isEmpty()) {
                return "none";
            }
            StringBuilder out = new StringBuilder();
            errors.forEach((kind, count) -> out.append(out.isEmpty() ? "" : ", ").append(String.format("%,d× %s", count, kind)));
            return out.toString();
        }
    }

    private record ClientResult(long[] nanos, int count, Map<String, Long> errors) {
    }

    private LoadRun() {
    }

    /** Runs {@code clients} copies of the call made by {@code calls} (given the client's index) for {@code seconds}. */
    static Result run(int clients, double seconds, IntFunction<Call> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ClientResult>> futures = new ArrayList<>();
        long[] deadline = new long[1];
        for (int c = 0; c < clients; c++) {
            Call call = calls.apply(c);
            futures.add(pool.submit(() -> {
                start.await();
                return loop(call, deadline[0]);
            }));
        }
        long begin = System.nanoTime();
        deadline[0] = begin + (long) (seconds * 1e9);
        start.countDown();
        List<ClientResult> results = new ArrayList<>();
        try {
            for (Future<ClientResult> future : futures) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        return merge(clients, elapsed, results);
    }

    private static ClientResult loop(Call call, long deadline) {
        long[] nanos = new long[4096];
        int count = 0;
        Map<String, Long> errors = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            String failure;
            try {
                failure = call.call();
            } catch (Exception e) {
                failure = "exception " + e.getClass().getSimpleName();
            }
            long took = System.nanoTime() - t0;
            if (failure == null) {
                if (count == nanos.length) {
                    nanos = Arrays.copyOf(nanos, count * 2);
                }
                nanos[count++] = took;
            } else {
                errors.merge(failure, 1L, Long::sum);
            }
        }
        return new ClientResult(nanos, count, errors);
    }

    private static Result merge(int clients, double elapsed, List<ClientResult> results) {
        int total = results.stream().mapToInt(ClientResult::count).sum();
        long[] all = new long[total];
        int at = 0;
        Map<String, Long> errors = new TreeMap<>();
        for (ClientResult r : results) {
            System.arraycopy(r.nanos(), 0, all, at, r.count());
            at += r.count();
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        Arrays.sort(all);
        return new Result(clients, elapsed, total, errors, all);
    }
}
