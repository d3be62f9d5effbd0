package dev.cogsync.benchmarks.load;

import dev.cogsync.exception.InternalErrorException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.TransportException;
import dev.cogsync.exception.UnmodeledServiceException;
import dev.cogsync.exception.WriterOverloadedException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    @Test
    void serviceErrorsAreNamedByTheirCodeAndClientErrorsByTheirClass() {
        assertThat(Tally.errorName(new InternalErrorException(500, "boom", "req-1", 3)))
                .isEqualTo("InternalErrorException");
        assertThat(Tally.errorName(new ResourceConflictException(409, "Current SyncCount for: k is: 2 not: 1",
                null, 1))).isEqualTo("ResourceConflictException");
        assertThat(Tally.errorName(new UnmodeledServiceException(503, "ServiceUnavailableException", null, null, 1)))
                .isEqualTo("ServiceUnavailableException");
        assertThat(Tally.errorName(new UnmodeledServiceException(502, null, null, null, 1))).isEqualTo("HTTP 502");
        assertThat(Tally.errorName(new TransportException("reset", null, 2, true))).isEqualTo("TransportException");
        assertThat(Tally.errorName(new WriterOverloadedException("full"))).isEqualTo("WriterOverloadedException");
        assertThat(Tally.errorName(new IllegalStateException("bug"))).isEqualTo("IllegalStateException");
    }

    @Test
    void countsAddUpAndFailuresAreSortedByCountThenName() {
        Tally tally = new Tally();
        for (int i = 0; i < 6; i++) {
            tally.submitted();
        }
        tally.acknowledged(TimeUnit.MILLISECONDS.toNanos(2));
        tally.failed(new WriterOverloadedException("full"));
        tally.failed(new InternalErrorException(500, null, null, 3));
        tally.failed(new TransportException("reset", null, 1, true));
        tally.failed(new InternalErrorException(500, null, null, 3));
        tally.failed(new TransportException("reset", null, 1, true));

        assertThat(tally.submittedCount()).isEqualTo(6);
        assertThat(tally.acknowledgedCount()).isEqualTo(1);
        assertThat(tally.failedCount()).isEqualTo(5);
        assertThat(List.copyOf(tally.failuresByError().entrySet())).containsExactly(
                Map.entry("InternalErrorException", 2L), Map.entry("TransportException", 2L),
                Map.entry("WriterOverloadedException", 1L));
    }

    @Test
    void latenciesAreRecordedInMicrosecondsAndClamped() {
        Tally tally = new Tally();
        tally.acknowledged(1_500_000);
        tally.acknowledged(-5);
        tally.acknowledged(TimeUnit.HOURS.toNanos(2));

        Histogram micros = tally.takeLatencies();

        assertThat(micros.getTotalCount()).isEqualTo(3);
        assertThat(micros.getMinValue()).isZero();
        assertThat(micros.getValueAtPercentile(50)).isBetween(1_499L, 1_501L);
        assertThat(micros.getMaxValue()).isGreaterThanOrEqualTo(Tally.MAX_LATENCY_MICROS)
                .isLessThan(Tally.MAX_LATENCY_MICROS + Tally.MAX_LATENCY_MICROS / 500);
    }
}
