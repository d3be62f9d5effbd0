package dev.cogsync.emulator.junit;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.EmulatorConfig;
import dev.cogsync.protocol.ListRecordsCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One emulator per class, injected, reset before each test; closed after the class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CognitoSyncEmulatorExtensionIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension
            .withConfig(EmulatorConfig.builder().authEnabled(false).build())
            .resetBeforeEach();

    private static CognitoSyncEmulator fromBeforeAll;

    @BeforeAll
    static void injectedIntoLifecycleMethods(CognitoSyncEmulator emulator) {
        fromBeforeAll = emulator;
    }

    @AfterAll
    static void closedAfterTheClass() {
        // The class's store closes the emulator after this method; the extension still names it here.
        assertThat(EMULATOR.emulator()).isSameAs(fromBeforeAll);
    }

    @Test
    @Order(1)
    void injectsTheRunningEmulator(CognitoSyncEmulator emulator) throws Exception {
        assertThat(emulator).isSameAs(fromBeforeAll).isSameAs(EMULATOR.emulator());
        assertThat(EMULATOR.endpoint()).isEqualTo(emulator.endpoint());
        assertThat(put(emulator.endpoint())).isEqualTo(200);
        assertThat(emulator.datasets()).hasSize(1);
    }

    @Test
    @Order(2)
    void resetsBeforeEachTest(CognitoSyncEmulator emulator) {
        assertThat(emulator.datasets()).isEmpty();
        assertThat(emulator.counters().totalRequests()).isZero();
    }

    @Test
    void emulatorOutsideTheClassLifecycle_isRefused() {
        CognitoSyncEmulatorExtension notStarted = CognitoSyncEmulatorExtension.create();

        assertThatThrownBy(notStarted::emulator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closedEmulator_releasesItsPort() throws IOException {
        CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().authEnabled(false).start();
        int port = emulator.port();
        emulator.close();

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void emulatorClosedWithoutBlocking_releasesItsPort() throws IOException {
        CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().authEnabled(false).start();
        int port = emulator.port();

        StepVerifier.create(emulator.closeLater()).expectComplete().verify(Duration.ofSeconds(30));

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2000))
                    .isInstanceOf(IOException.class);
        }
    }

    /** Lists for a token and writes one record, unsigned (this emulator has authentication off). */
    private static int put(URI endpoint) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = endpoint + "/identitypools/us-east-1%3A0000/identities/us-east-1%3A1111/datasets/ext";
        byte[] list = http.send(HttpRequest.newBuilder(URI.create(base + "/records")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        String token = ListRecordsCodec.decodeResponse(list, 0, list.length).syncSessionToken();
        String body = "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}],"
                + "\"SyncSessionToken\":\"" + token + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create(base)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
