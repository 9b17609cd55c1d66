package dev.bodega.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash suite's short version (bench/crash.sh runs the long one): Bodega, its own JVM on a PostgreSQL that
 * outlives it, is killed with SIGKILL twice while tills sell and post stock; they retry every unanswered request
 * with its key. Nothing acknowledged is lost, nothing is saved twice, and every invariant holds.
 */
class CrashSuiteTest {

    @TempDir
    Path dir;

    @Test
    void killingBodegaUnderLoadLosesAndDoublesNothing() throws Exception {
        CrashSuite.Options options = new CrashSuite.Options(List.of(CrashSuite.Mode.APP), 2, 3, 500, 1500, 18, dir);

        CrashSuite.Result result = CrashSuite.run(CrashSuite.Mode.APP, options);

        System.out.print(result.figures());
        assertThat(result.retried()).as("requests the kills left unanswered, sent again").isPositive();
        assertThat(result.acknowledged()).isPositive();
        assertThat(result.outcome().lost()).as(result.figures()).isZero();
        assertThat(result.outcome().duplicated()).as(result.figures()).isZero();
        assertThat(result.outcome().report().failed()).as(result.figures()).isEmpty();
    }
}
