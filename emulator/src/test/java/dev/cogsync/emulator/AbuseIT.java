package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.PercentEncoding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator as an attacker or a careless client meets it: oversized and chunked bodies, slow headers, idle and
 * surplus connections, oversized headers, and bodies that are not exactly one valid JSON document. Each is refused
 * with its status, nothing of it is applied, and signed requests keep working.
 */
class AbuseIT {

    private static final ConnectionLimits TIGHT = ConnectionLimits.DEFAULT.withHeaderTimeout(Duration.ofMillis(500))
            .withIdleTimeout(Duration.ofMillis(700)).withMaxBodyBytes(64 * 1024).withMaxConnections(8);

    private static CognitoSyncEmulator start() {
        return CognitoSyncEmulator.builder().connections(TIGHT).start();
    }

    private static TestClient client(CognitoSyncEmulator emulator) {
        return TestClient.of(emulator.endpoint(), emulator.credentials(), emulator.region());
    }

    private static Socket connect(CognitoSyncEmulator emulator) throws IOException {
        Socket socket = new Socket(emulator.endpoint().getHost(), emulator.endpoint().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Everything the server writes until it closes the connection. */
    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketException reset) {
            // A reset after the answer is a close too.
        }
        return text.toString();
    }

    private static String path(DatasetRef dataset) {
        return "/identitypools/" + PercentEncoding.encode(dataset.identityPoolId()) + "/identities/"
                + PercentEncoding.encode(dataset.identityId()) + "/datasets/" + dataset.datasetName();
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWith413AndASignedClientStillWorks() throws IOException {
        try (CognitoSyncEmulator emulator = start(); Socket socket = connect(emulator)) {
            DatasetRef dataset = TestData.dataset();
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path(dataset) + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("4000\r\n" + "a".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            int sent = 0;
            try {
                for (; sent < 1024; sent++) {
                    out.write(chunk);
                }
            } catch (SocketException closed) {
                // Cut off: the server closed the connection past the limit.
            }
            String answer = readUntilClosed(socket);

            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("RequestEntityTooLargeException");
            assertThat(sent).as("16 KiB chunks written before the cut, of 1,024").isLessThan(1024);
            assertThat(emulator.dataset(dataset)).isEmpty();
            assertThat(client(emulator).write(dataset, RecordPatch.replace("k", "v", 0)).record("k").syncCount())
                    .isEqualTo(1);
        }
    }

    @Test
    void headersThatDoNotArriveInTimeGet408AndTheConnectionIsClosed() throws IOException {
        try (CognitoSyncEmulator emulator = start(); Socket socket = connect(emulator)) {
            long start = System.nanoTime();
            socket.getOutputStream().write("GET /identitypools/a:b".getBytes(StandardCharsets.US_ASCII));
            String answer = readUntilClosed(socket);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(millis).isBetween(400L, 5_000L);
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws IOException {
        try (CognitoSyncEmulator emulator = start(); Socket socket = connect(emulator)) {
            socket.getOutputStream().write(("GET " + path(TestData.dataset()) + "/records HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            String answer = readUntilClosed(socket);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer).as("the unsigned request's answer, then nothing").startsWith("HTTP/1.1 403 ");
            assertThat(millis).as("closed after the idle timeout").isBetween(500L, 5_000L);
        }
    }

    @Test
    void oneConnectionPastTheCapGets503() throws IOException {
        try (CognitoSyncEmulator emulator = start()) {
            // Which one the server accepts last races across its event loops: exactly one of them is refused.
            List<Socket> sockets = new ArrayList<>();
            List<String> statusLines = new ArrayList<>();
            try {
                for (int i = 0; i <= TIGHT.maxConnections(); i++) {
                    sockets.add(connect(emulator));
                }
                for (Socket socket : sockets) {
                    String answer = readUntilClosed(socket);
                    statusLines.add(answer.isEmpty() ? "" : answer.substring(0, answer.indexOf('\r')));
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            assertThat(statusLines).filteredOn(line -> line.startsWith("HTTP/1.1 503 ")).hasSize(1);
            assertThat(statusLines).filteredOn(line -> line.startsWith("HTTP/1.1 408 "))
                    .as("the others are served, then closed when no request comes").hasSize(TIGHT.maxConnections());
        }
    }

    @Test
    void oversizedHeadersGet431() throws IOException {
        try (CognitoSyncEmulator emulator = start(); Socket socket = connect(emulator)) {
            StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; i < 1000; i++) {
                request.append("X-Pad-").append(i).append(": ").append("v".repeat(30)).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 431 ");
        }
    }

    @Test
    void signedBodiesThatAreNotExactlyOneValidDocumentAre400AndApplyNothing() {
        try (CognitoSyncEmulator emulator = start()) {
            TestClient client = client(emulator);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();
            String valid = "{\"SyncSessionToken\":\"" + token + "\",\"RecordPatches\":[{\"Op\":\"replace\","
                    + "\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}";
            byte[] overlong = valid.replace("\"k\"", "\"ov__\"").getBytes(StandardCharsets.UTF_8);
            int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("__");
            overlong[at] = (byte) 0xC0;
            overlong[at + 1] = (byte) 0xAF;
            List<byte[]> bodies = List.of(
                    (valid + "garbage").getBytes(StandardCharsets.UTF_8),
                    (valid + valid).getBytes(StandardCharsets.UTF_8),
                    valid.replace("\"RecordPatches\":[", "\"RecordPatches\":[],\"RecordPatches\":[")
                            .getBytes(StandardCharsets.UTF_8),
                    overlong);
            for (byte[] body : bodies) {
                HttpResult result = client.send(client.prepare("POST", path(dataset), "", body,
                        new HttpHeader("Content-Type", "application/json")));
                assertThat(result.status()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(400);
                assertThat(result.header("x-amzn-ErrorType")).isEqualTo("InvalidParameterException");
            }
            assertThat(emulator.dataset(dataset).map(DatasetSnapshot::syncCount).orElse(0L)).isZero();
        }
    }
}
