package dev.cogsync.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBarFillsWithTheFraction() {
        assertThat(Progress.bar(0)).isEqualTo("[                        ]   0%");
        assertThat(Progress.bar(0.5)).isEqualTo("[===========>            ]  50%");
        assertThat(Progress.bar(0.999)).isEqualTo("[======================> ]  99%");
        assertThat(Progress.bar(1)).isEqualTo("[========================] 100%");
    }

    @Test
    void theStatusShowsTimePatchesRateAndErrors() {
        assertThat(Progress.status(4_049_000_000L, 48_120, 1, 12_030.4, -1))
                .isEqualTo("4.0s  48,120 patches done  12,030 patches/s  1 error");
        assertThat(Progress.status(10_000_000_000L, 100, 3, 10, 17))
                .isEqualTo("10.0s  100 patches done  10 patches/s  3 errors  (draining 17 in flight)");
    }

    @Test
    void withoutATerminalItPrintsPlainLinesEveryTwoSeconds() {
        Budget budget = Budget.ofPatches(1_000);
        budget.start(System.nanoTime());
        Progress progress = new Progress(err, false, budget, "load");

        progress.update(2_000_000_000L, 400, 400, 0);
        progress.update(4_000_000_000L, 800, 800, 2);
        progress.finish(Duration.ofSeconds(5), 1_000, 2);

        assertThat(progress.period()).isEqualTo(Duration.ofSeconds(2));
        assertThat(printed()).isEqualTo("""
                load: 2.0s  400 patches done  200 patches/s  0 errors
                load: 4.0s  800 patches done  200 patches/s  2 errors
                load: 5.0s  1,000 patches done  200 patches/s  2 errors
                """);
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void onATerminalItRedrawsOneBarInPlaceAndEndsTheLine() {
        Budget budget = Budget.ofDuration(Duration.ofSeconds(10));
        budget.start(System.nanoTime());
        Progress progress = new Progress(err, true, budget, "warm-up");

        progress.update(5_000_000_000L, 1_000, 1_000, 0);
        progress.finish(Duration.ofSeconds(10), 3_000, 0);

        assertThat(progress.period()).isEqualTo(Duration.ofMillis(250));
        assertThat(printed()).isEqualTo("\rwarm-up [===========>            ]  50%  5.0s  1,000 patches done  "
                + "200 patches/s  0 errors"
                + "\rwarm-up [========================] 100%  10.0s  3,000 patches done  300 patches/s  0 errors"
                + System.lineSeparator());
    }

    @Test
    void theRateCoversTheLastSecondOrSo() {
        Budget budget = Budget.ofDuration(Duration.ofSeconds(10));
        budget.start(System.nanoTime());
        Progress progress = new Progress(err, false, budget, "load");

        progress.update(250_000_000L, 250, 250, 0);
        progress.update(500_000_000L, 500, 500, 0);
        progress.update(1_000_000_000L, 1_000, 1_000, 0);
        progress.update(1_250_000_000L, 4_000, 4_000, 0);
        progress.update(2_500_000_000L, 5_000, 5_000, 0);

        assertThat(printed().lines().map(line -> line.split("  ")[2])).containsExactly("1,000 patches/s",
                "1,000 patches/s", "1,000 patches/s", "3,750 patches/s", "800 patches/s");
    }

    @Test
    void whenNoMorePatchesAreSubmittedItSaysWhatIsStillInFlight() {
        Budget budget = Budget.ofPatches(10);
        budget.start(System.nanoTime());
        while (budget.tryClaim()) {
            // take the whole budget
        }
        Progress progress = new Progress(err, false, budget, "load");

        progress.update(1_000_000_000L, 10, 7, 0);

        assertThat(printed()).isEqualTo("load: 1.0s  7 patches done  7 patches/s  0 errors  (draining 3 in flight)"
                + System.lineSeparator());
    }
}
