package dev.bodega.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongUnaryOperator;

/**
 * CPU per request of each measured phase — Bodega's JVM (with in-process tills, theirs too) and this run's
 * PostgreSQL — which a shared machine disturbs less than throughput does. With {@code -Dbench.jfr=DIR}, also a Java
 * Flight Recording ("profile" settings) of each phase alone, {@code DIR/<phase>-<clients>.jfr}, read with
 * {@code bench/jfr-steps.py}; start the JVM with {@code -XX:FlightRecorderOptions:stackdepth=256}, since a
 * request's stack through Tomcat and Spring is deeper than the default 64 frames.
 */
final class Phases {

    private static final String JFR_DIR = System.getProperty("bench.jfr");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Path postgresDataDir;
    private final Figures.Table table = new Figures.Table("CPU per request, per phase", "phase", "clients",
            "requests/s", "p50 ms", "JVM CPU ms/request", "request threads CPU ms/request", "request threads KB allocated/request",
            "PostgreSQL CPU ms/request");

    /** {@code postgresDataDir} null: PostgreSQL is not this run's own, its CPU is not measured. */
    Phases(Path postgresDataDir) {
        this.postgresDataDir = postgresDataDir;
        table.note("JVM: Bodega's process (with the in-process tills' CPU in the phases not marked external, the JIT "
                + "compiler's and the garbage collector's); request threads: Tomcat's and the sale committers' alone; "
                + "PostgreSQL: its postmaster and the processes it started, 100 ticks/s assumed.");
    }

    Figures.Table table() {
        return table;
    }

    LoadRun.Result measure(String phase, int clients, Callable<LoadRun.Result> run) throws Exception {
        long jvm = SaleProfile.jvmCpuNanos();
        Map<Long, Long> threads = requestThreads(Phases::cpuNanos);
        Map<Long, Long> allocated = requestThreads(Phases::allocatedBytes);
        long postgres = postgresDataDir == null ? 0 : SaleProfile.postgresCpuTicks(postgresDataDir);
        LoadRun.Result result = JFR_DIR == null ? run.call() : recorded(phase.replace(' ', '-') + "-" + clients, run);
        double requests = Math.max(1, result.ok() + result.failed());
        table.row(phase, result.clients(), String.format("%,.0f", result.perSecond()),
                DashboardScenario.ms(result.percentileMs(50)),
                String.format("%.2f", (SaleProfile.jvmCpuNanos() - jvm) / 1e6 / requests),
                String.format("%.2f", spentSince(threads, Phases::cpuNanos) / 1e6 / requests),
                String.format("%.0f", spentSince(allocated, Phases::allocatedBytes) / 1024.0 / requests),
                postgresDataDir == null ? "–"
                        : String.format("%.2f", (SaleProfile.postgresCpuTicks(postgresDataDir) - postgres) * 10.0 / requests));
        return result;
    }

    /** A measure (CPU, allocation) of each thread serving requests (Tomcat's) or committing sales, by thread id. */
    private static Map<Long, Long> requestThreads(LongUnaryOperator measure) {
        Map<Long, Long> measured = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("http-nio")
                    || thread.getThreadName().startsWith("sale-committer"))) {
                measured.put(thread.getThreadId(), Math.max(0, measure.applyAsLong(thread.getThreadId())));
            }
        }
        return measured;
    }

    /** A thread that started since counts whole; one that ended since is lost (Tomcat keeps its threads). */
    private static long spentSince(Map<Long, Long> before, LongUnaryOperator measure) {
        long spent = 0;
        for (Map.Entry<Long, Long> now : requestThreads(measure).entrySet()) {
            spent += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return spent;
    }

    private static long cpuNanos(long thread) {
        return THREADS.getThreadCpuTime(thread);
    }

    /** Bytes allocated: unlike CPU time, the same whatever else the machine runs. */
    private static long allocatedBytes(long thread) {
        return THREADS.getThreadAllocatedBytes(thread);
    }

    private static LoadRun.Result recorded(String phase, Callable<LoadRun.Result> run) throws Exception {
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            LoadRun.Result result = run.call();
            recording.stop();
            recording.dump(Files.createDirectories(Path.of(JFR_DIR)).resolve(phase + ".jfr"));
            return result;
        }
    }
}
