package example.settings;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.spring.AutoConfigureCogsyncEmulator;
import dev.cogsync.model.DatasetRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application over HTTP, on a real port, writing to the emulator the starter's test support started. The
 * requests go through the JDK's HTTP client, as any client of the service's would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCogsyncEmulator
class SettingsApplicationTest {

    private static final String USER = "us-east-1:11111111-2222-4333-8444-555555555555";
    private static final String POOL = "us-east-1:0f0e0d0c-0000-4000-8000-000000000001";
    // HTTP/1.1, as the application serves: the JDK client's default HTTP/2 upgrade (h2c) is a variable these tests
    // do not need. Every request has a deadline, so that a request the server never answers fails the test.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    CognitoSyncEmulator emulator;

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void putListAndDeleteRecords() throws Exception {
        HttpResponse<String> put = send("PUT", "/users/" + USER + "/datasets/profile/records/theme", "dark");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(put.body(), Map.class))
                .isEqualTo(Map.of("key", "theme", "value", "dark", "syncCount", 1));
        assertThat(send("PUT", "/users/" + USER + "/datasets/profile/records/lang", "fr").statusCode()).isEqualTo(200);
        assertThat(emulator.dataset(DatasetRef.of(POOL, USER, "profile")).orElseThrow().value("theme"))
                .isEqualTo("dark");

        assertThat(send("DELETE", "/users/" + USER + "/datasets/profile/records/lang", null).statusCode())
                .isEqualTo(204);

        HttpResponse<String> list = send("GET", "/users/" + USER + "/datasets/profile/records", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(list.body(), List.class))
                .isEqualTo(List.of(Map.of("key", "theme", "value", "dark", "syncCount", 1)));
    }

    @Test
    void anInvalidIdentityIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> put = send("PUT", "/users/not-an-identity/datasets/profile/records/theme", "dark");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readValue(put.body(), Map.class)).containsEntry("field", "identityId");
    }

    @Test
    void healthHasTheCogsyncComponentAndPrometheusTheWriterMeters() throws Exception {
        assertThat(send("PUT", "/users/" + USER + "/datasets/metrics/records/a", "1").statusCode()).isEqualTo(200);

        HttpResponse<String> health = send("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).at("/components/cogsync/status").asString()).isEqualTo("UP");
        String scrape = send("GET", "/actuator/prometheus", null).body();
        assertThat(scrape).containsPattern("cogsync_writer_writes_total\\{[^}]*outcome=\"success\"[^}]*\\} [1-9]");
    }
}
