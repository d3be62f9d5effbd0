package dev.cogsync.batch;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchPlannerTest {

    record Write(String key, long estimatedBytes) implements Batchable {
    }

    private static final BatchLimits ROOMY = new BatchLimits(100, 1_000_000);

    @Test
    void takesTheWholeQueueWhenEverythingFits() {
        assertThat(BatchPlanner.plan(List.of(new Write("a", 200), new Write("b", 200), new Write("c", 200)), ROOMY))
                .isEqualTo(3);
    }

    @Test
    void anEmptyQueuePlansNothing() {
        assertThat(BatchPlanner.plan(List.of(), ROOMY)).isZero();
    }

    @Test
    void aRepeatedKeyEndsTheRequestSoWritesToOneKeyStayInOrder() {
        assertThat(BatchPlanner.plan(List.of(new Write("a", 200), new Write("b", 200), new Write("a", 200),
                new Write("c", 200)), ROOMY)).isEqualTo(2);
    }

    @Test
    void thePatchCapEndsTheRequest() {
        assertThat(BatchPlanner.plan(List.of(new Write("a", 1), new Write("b", 1), new Write("c", 1)),
                new BatchLimits(2, 1_000_000))).isEqualTo(2);
    }

    @Test
    void theByteCapCountsTheRequestOverheadAndEndsTheRequest() {
        BatchLimits limits = new BatchLimits(100, PatchSize.REQUEST_OVERHEAD + 500);
        assertThat(BatchPlanner.plan(List.of(new Write("a", 250), new Write("b", 250), new Write("c", 1)), limits))
                .isEqualTo(2);
        assertThat(BatchPlanner.plan(List.of(new Write("a", 250), new Write("b", 251)), limits)).isEqualTo(1);
    }

    @Test
    void aPatchOverTheByteCapTravelsAlone() {
        BatchLimits limits = new BatchLimits(100, PatchSize.REQUEST_OVERHEAD + 500);
        assertThat(BatchPlanner.plan(List.of(new Write("huge", 5_000_000), new Write("b", 1)), limits)).isEqualTo(1);
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new BatchLimits(0, 1_000_000)).hasMessage("maxPatches: must be >= 1, was 0");
        assertThatThrownBy(() -> new BatchLimits(1, 10)).hasMessage("maxBytes: must be >= 4096, was 10");
        assertThat(BatchLimits.defaults()).isEqualTo(new BatchLimits(1024, 900_000));
    }

    @Property(tries = 1000)
    void theRequestIsTheLongestValidPrefix(@ForAll("queues") List<Write> queue, @ForAll("limits") BatchLimits limits) {
        int n = BatchPlanner.plan(queue, limits);

        assertThat(n).isBetween(queue.isEmpty() ? 0 : 1, queue.size());
        List<Write> batch = queue.subList(0, n);
        Set<String> keys = new HashSet<>();
        batch.forEach(w -> keys.add(w.key()));
        assertThat(keys).as("no key twice").hasSize(n);
        assertThat(n).isLessThanOrEqualTo(limits.maxPatches());
        long bytes = PatchSize.REQUEST_OVERHEAD + batch.stream().mapToLong(Write::estimatedBytes).sum();
        assertThat(n == 1 || bytes <= limits.maxBytes()).as("under the byte cap unless alone").isTrue();

        if (n < queue.size()) {
            Write next = queue.get(n);
            boolean blocked = keys.contains(next.key()) || n == limits.maxPatches()
                    || bytes + next.estimatedBytes() > limits.maxBytes();
            assertThat(blocked).as("the next write could not have joined").isTrue();
        }
    }

    @Provide
    Arbitrary<List<Write>> queues() {
        return Combinators.combine(Arbitraries.strings().withChars("abcdefgh").ofMinLength(1).ofMaxLength(2),
                Arbitraries.longs().between(PatchSize.PATCH_OVERHEAD, 50_000)).as(Write::new).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<BatchLimits> limits() {
        return Combinators.combine(Arbitraries.integers().between(1, 40),
                Arbitraries.longs().between(PatchSize.REQUEST_OVERHEAD, 300_000)).as(BatchLimits::new);
    }
}
