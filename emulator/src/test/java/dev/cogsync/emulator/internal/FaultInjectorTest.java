package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.emulator.FaultKind;
import dev.cogsync.emulator.FaultScope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaultInjectorTest {

    @Test
    void noFaults_drawNothingAndTakeNoSequenceNumber() {
        FaultInjector injector = new FaultInjector(1, FaultConfig.NONE);

        assertThat(injector.draw(ApiOperation.UPDATE_RECORDS)).isSameAs(FaultDecision.NONE);
    }

    @Test
    void certainFaults_alwaysHappen_withClosePrecedingErrors() {
        FaultConfig all = FaultConfig.builder().connectionClosed(1).internalError(1).serviceUnavailable(1).build();

        assertThat(FaultInjector.decide(all, ApiOperation.LIST_RECORDS, 0, 5).failure())
                .isEqualTo(FaultKind.CONNECTION_CLOSED);
        assertThat(FaultInjector.decide(all.toBuilder().connectionClosed(0).build(), ApiOperation.LIST_RECORDS, 0, 5)
                .failure()).isEqualTo(FaultKind.INTERNAL_ERROR);
    }

    @Test
    void appliedThenDropped_onlyHitsUpdateRecordsThatWereNotFailed() {
        FaultConfig drop = FaultConfig.builder().appliedThenDropped(1).build();

        assertThat(FaultInjector.decide(drop, ApiOperation.UPDATE_RECORDS, 0, 0).dropAfterApplying()).isTrue();
        assertThat(FaultInjector.decide(drop, ApiOperation.LIST_RECORDS, 0, 0)).isSameAs(FaultDecision.NONE);
        assertThat(FaultInjector.decide(drop.toBuilder().internalError(1).build(), ApiOperation.UPDATE_RECORDS, 0, 0)
                .dropAfterApplying()).isFalse();
    }

    @Test
    void probabilities_matchTheObservedFrequencies_independentlyPerKind() {
        FaultConfig config = FaultConfig.builder().internalError(0.2).serviceUnavailable(0.5)
                .latency(0.3, Duration.ofMillis(10), Duration.ofMillis(20)).build();
        int n = 20_000;
        int internal = 0;
        int unavailable = 0;
        int delayed = 0;
        for (int i = 0; i < n; i++) {
            FaultDecision decision = FaultInjector.decide(config, ApiOperation.UPDATE_RECORDS, 99, i);
            if (decision.failure() == FaultKind.INTERNAL_ERROR) {
                internal++;
            } else if (decision.failure() == FaultKind.SERVICE_UNAVAILABLE) {
                unavailable++;
            }
            if (decision.delayed()) {
                delayed++;
                assertThat(decision.delay()).isBetween(Duration.ofMillis(10), Duration.ofMillis(30));
            }
        }
        assertThat(internal / (double) n).isCloseTo(0.2, within(0.02));
        assertThat(unavailable / (double) n).isCloseTo(0.8 * 0.5, within(0.02));
        assertThat(delayed / (double) n).isCloseTo(0.3, within(0.02));
    }

    @Test
    void sequence_isReproducibleFromTheSeed_andRestartsOnReset() {
        FaultConfig config = FaultConfig.builder().internalError(0.5).build();
        FaultInjector first = new FaultInjector(7, config);
        FaultInjector second = new FaultInjector(7, config);
        FaultInjector other = new FaultInjector(8, config);

        List<FaultKind> a = draws(first, 64);
        List<FaultKind> b = draws(second, 64);
        List<FaultKind> c = draws(other, 64);
        first.reset();
        List<FaultKind> afterReset = draws(first, 64);

        assertThat(a).isEqualTo(b).isEqualTo(afterReset).contains(FaultKind.INTERNAL_ERROR).containsNull();
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void updateRecordsOnlyScope_skipsOtherOperationsWithoutShiftingTheSequence() {
        FaultConfig config = FaultConfig.builder().internalError(0.5).scope(FaultScope.UPDATE_RECORDS_ONLY).build();
        FaultInjector interleaved = new FaultInjector(3, config);
        FaultInjector plain = new FaultInjector(3, config);

        List<FaultKind> withOthers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            assertThat(interleaved.draw(ApiOperation.LIST_RECORDS)).isSameAs(FaultDecision.NONE);
            withOthers.add(interleaved.draw(ApiOperation.UPDATE_RECORDS).failure());
        }

        assertThat(withOthers).isEqualTo(draws(plain, 32));
    }

    private static List<FaultKind> draws(FaultInjector injector, int count) {
        List<FaultKind> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            kinds.add(injector.draw(ApiOperation.UPDATE_RECORDS).failure());
        }
        return kinds;
    }
}
