package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded soak: slow-header, idle, oversized-body and oversized-header clients keep coming at a running emulator
 * while a signed client writes and reads. Every signed call must succeed, none may take 2 s or more, and every
 * abusive connection must end up closed. Short in CI; {@code -Dcogsync.soak.seconds=60} for a longer run.
 */
class AbuseSoakIT {

    private static final long SECONDS = Long.getLong("cogsync.soak.seconds", 4);

    @Test
    void signedClientsKeepWorkingWhileSlowIdleAndOversizedClientsAreCutOff() throws Exception {
        ConnectionLimits limits = ConnectionLimits.DEFAULT.withHeaderTimeout(Duration.ofSeconds(1))
                .withIdleTimeout(Duration.ofSeconds(1)).withMaxBodyBytes(1024 * 1024).withMaxConnections(400);
        ExecutorService abusers = Executors.newFixedThreadPool(24);
        AtomicLong closed = new AtomicLong();
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().connections(limits).start()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Future<?>> running = new ArrayList<>();
            int port = emulator.port();
            for (int i = 0; i < 8; i++) {
                running.add(abusers.submit(() -> loop(port, end, closed, socket -> slowHeaders(socket, end))));
                running.add(abusers.submit(() -> loop(port, end, closed, socket -> { })));
                running.add(abusers.submit(() -> loop(port, end, closed, AbuseSoakIT::oversizedBody)));
            }
            TestClient client = TestClient.of(emulator.endpoint(), emulator.credentials(), emulator.region());
            DatasetRef dataset = TestData.dataset();
            long calls = 0;
            long slowestMillis = 0;
            long syncCount = 0;
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                syncCount = client.write(dataset, RecordPatch.replace("k", "v" + calls, syncCount)).record("k")
                        .syncCount();
                assertThat(client.list(dataset).datasetSyncCount()).isEqualTo(syncCount);
                slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
                calls++;
            }
            for (Future<?> future : running) {
                future.get(30, TimeUnit.SECONDS);
            }

            assertThat(calls).as("signed write-and-read rounds").isPositive();
            assertThat(slowestMillis).as("slowest signed round, ms").isLessThan(2_000);
            assertThat(closed.get()).as("abusive connections closed by the server").isPositive();
        } finally {
            abusers.shutdownNow();
        }
    }

    private interface Abuse {
        void on(Socket socket) throws IOException;
    }

    /** Opens connections one after another until the end, and counts those the server closed. */
    private static void loop(int port, long end, AtomicLong closed, Abuse abuse) {
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5_000);
                abuse.on(socket);
                if (drainedUntilClosed(socket.getInputStream())) {
                    closed.incrementAndGet();
                }
            } catch (IOException e) {
                // A reset by the server counts as cut off too.
                closed.incrementAndGet();
            }
        }
    }

    private static void slowHeaders(Socket socket, long end) throws IOException {
        OutputStream out = socket.getOutputStream();
        byte[] line = "GET /identitypools/a:b/identities/a:b/datasets HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        for (byte b : line) {
            if (System.nanoTime() > end) {
                return;
            }
            out.write(b);
            out.flush();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void oversizedBody(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /identitypools/a:b/identities/a:b/datasets/d HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 64; i++) {
            out.write(chunk);
        }
    }

    /** Reads and discards until the server closes; a read timeout (still open after 5 s) is not a close. */
    private static boolean drainedUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // Discard the answer.
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
