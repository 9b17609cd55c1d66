package dev.bodega.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The crash and retry suite (issue 18): tills sell and post stock through the API with Idempotency-Keys while
 * Bodega (mode {@code app}) or its PostgreSQL (mode {@code db}) is killed with SIGKILL at random moments and
 * started again; the tills send every unanswered request again with the same key until it is answered. Then what
 * the tills were told is compared with the database, and the invariants are checked. Prints the figures; exits
 * 1 when anything was lost or doubled or an invariant broke. Figures: {@code restart-ms}, from the kill until
 * the killed process serves again (Bodega ready, PostgreSQL accepting connections); {@code outage-ms}, from the
 * kill until the tills' first acknowledgement after it.
 * <p>
 * Usage: {@code bench/crash.sh [--mode app|db|both] [--cycles 20] [--tills 6] [--min-ms 1000] [--max-ms 4000]
 * [--seed n] [--dir target/bench/crash]}
 */
public final class CrashSuite {

    enum Mode { APP, DB }

    record Options(List<Mode> modes, int cycles, int tills, long minMillis, long maxMillis, long seed, Path dir) {

        static Options parse(String[] args) {
            List<Mode> modes = List.of(Mode.APP, Mode.DB);
            int cycles = 20;
            int tills = 6;
            long min = 1000;
            long max = 4000;
            long seed = System.nanoTime();
            Path dir = Path.of("target/bench/crash");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--mode" -> modes = value.equals("both") ? modes : List.of(Mode.valueOf(value.toUpperCase()));
                    case "--cycles" -> cycles = Integer.parseInt(value);
                    case "--tills" -> tills = Integer.parseInt(value);
                    case "--min-ms" -> min = Long.parseLong(value);
                    case "--max-ms" -> max = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--dir" -> dir = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; usage: bench/crash.sh [--mode app|db|both] [--cycles 20] [--tills 6] [--min-ms 1000]"
                            + " [--max-ms 4000] [--seed n] [--dir target/bench/crash]");
                }
                i++;
            }
            return new Options(modes, cycles, tills, min, max, seed, dir);
        }
    }

    record Result(Mode mode, int cycles, long requests, long acknowledged, long retried, long attempts,
                  Map<String, Long> refused, CrashChecks.Outcome outcome, long firstStartMillis,
                  List<Long> restartMillis, List<Long> outageMillis, double seconds) {

        String figures() {
            StringBuilder out = new StringBuilder();
            out.append("mode=").append(mode.name().toLowerCase()).append(" cycles=").append(cycles)
                    .append(" requests=").append(requests).append(" acknowledged=").append(acknowledged)
                    .append(" retried=").append(retried).append(" lost=").append(outcome.lost())
                    .append(" duplicated=").append(outcome.duplicated()).append('\n');
            out.append("  attempts=").append(attempts).append(" refused=").append(refused)
                    .append(String.format(" seconds=%.1f", seconds)).append(" first-start-ms=").append(firstStartMillis)
                    .append(" restart-ms(mean/max)=").append(meanMax(restartMillis))
                    .append(" outage-ms(mean/max)=").append(meanMax(outageMillis)).append('\n');
            for (RushInvariants.Check check : outcome.report().checks()) {
                out.append(String.format("  %-18s %s  %s%n", check.name(), check.ok() ? "ok" : check.violations() + " VIOLATIONS",
                        check.rule()));
                check.samples().forEach(sample -> out.append("      ").append(sample).append('\n'));
            }
            return out.toString();
        }

        /** "mean/max" of durations in milliseconds. */
        private static String meanMax(List<Long> values) {
            var stats = values.stream().mapToLong(Long::longValue).summaryStatistics();
            return (values.isEmpty() ? 0 : Math.round(stats.getAverage())) + "/" + (values.isEmpty() ? 0 : stats.getMax());
        }
    }

    private CrashSuite() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        boolean ok = true;
        System.out.println("crash suite: seed=" + options.seed() + " tills=" + options.tills()
                + " kill every " + options.minMillis() + "-" + options.maxMillis() + " ms, group commit on");
        for (Mode mode : options.modes()) {
            Result result = run(mode, options);
            System.out.print(result.figures());
            ok &= result.outcome().ok();
        }
        System.exit(ok ? 0 : 1);
    }

    static Result run(Mode mode, Options options) throws Exception {
        Path dir = options.dir().resolve(mode.name().toLowerCase()).toAbsolutePath();
        Random random = new Random(options.seed());
        long begin = System.nanoTime();
        try (StandalonePostgres database = StandalonePostgres.create(dir.resolve("db"));
             AppProcess app = new AppProcess(dir.resolve("app"), database.jdbcUrl())) {
            app.start();
            long firstStart = app.lastStartMillis();
            CrashData.Company company = CrashData.create(app.baseUrl(), database.superuser(), options.tills());
            database.makeDurable();
            CrashTills tills = new CrashTills(app.baseUrl(), company);
            tills.start(options.tills(), options.seed());
            List<Long> restarts = new ArrayList<>();
            List<Long> outages = new ArrayList<>();
            for (int cycle = 0; cycle < options.cycles(); cycle++) {
                Thread.sleep(options.minMillis() + (long) (random.nextDouble() * (options.maxMillis() - options.minMillis())));
                long seen = tills.acknowledged();
                long down = System.nanoTime();
                if (mode == Mode.APP) {
                    app.kill();
                    app.start();
                } else {
                    database.kill();
                    database.start();
                }
                restarts.add((System.nanoTime() - down) / 1_000_000);
                // Each cycle kills a service at work: the next one waits until a request is acknowledged again.
                tills.awaitAcknowledgedAfter(seen, 300);
                outages.add((System.nanoTime() - down) / 1_000_000);
            }
            Thread.sleep(options.minMillis()); // some load after the last restart, then every till's last answer
            tills.stop();
            CrashChecks.Outcome outcome = CrashChecks.check(database.superuser(), company.tenantId(), tills.answers());
            long acknowledged = tills.answers().values().stream().filter(CrashTills.Answer::acknowledged).count();
            return new Result(mode, options.cycles(), tills.answers().size(), acknowledged, tills.retried(),
                    tills.attempts(), tills.refusals(), outcome, firstStart, restarts, outages,
                    (System.nanoTime() - begin) / 1e9);
        }
    }
}
