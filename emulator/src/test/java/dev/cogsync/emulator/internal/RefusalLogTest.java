package dev.cogsync.emulator.internal;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalLogTest {

    @Test
    void aFloodOfRefusalsWritesAtMostTenLinesASecondOfOneLineEachWithoutHeaders() {
        List<String> lines = new ArrayList<>();
        RefusalLog log = new RefusalLog(lines::add);
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 40000);
        for (int i = 0; i < 10_000; i++) {
            log.refused(peer, 431, "RequestHeaderFieldsTooLargeException");
        }
        // All within one or two wall-clock seconds of the loop: ten lines each at most.
        assertThat(lines.size()).isBetween(RefusalLog.LINES_PER_SECOND, 2 * RefusalLog.LINES_PER_SECOND);
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .isEqualTo("refused 431 RequestHeaderFieldsTooLargeException from /127.0.0.1:40000")
                .doesNotContain("\n"));
    }
}
