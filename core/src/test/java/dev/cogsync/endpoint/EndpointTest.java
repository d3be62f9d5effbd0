package dev.cogsync.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "us-east-1,       cognito-sync.us-east-1.amazonaws.com",
        "eu-west-1,       cognito-sync.eu-west-1.amazonaws.com",
        "ap-southeast-2,  cognito-sync.ap-southeast-2.amazonaws.com",
        "il-central-1,    cognito-sync.il-central-1.amazonaws.com",
        "mx-central-1,    cognito-sync.mx-central-1.amazonaws.com",
        "cn-north-1,      cognito-sync.cn-north-1.amazonaws.com.cn",
        "cn-northwest-1,  cognito-sync.cn-northwest-1.amazonaws.com.cn",
        "us-gov-west-1,   cognito-sync.us-gov-west-1.amazonaws.com",
        "us-gov-east-1,   cognito-sync.us-gov-east-1.amazonaws.com",
        "us-iso-east-1,   cognito-sync.us-iso-east-1.c2s.ic.gov",
        "us-isob-east-1,  cognito-sync.us-isob-east-1.sc2s.sgov.gov",
        "eu-isoe-west-1,  cognito-sync.eu-isoe-west-1.cloud.adc-e.uk",
        "us-isof-south-1, cognito-sync.us-isof-south-1.csp.hci.ic.gov",
        "eusc-de-east-1,  cognito-sync.eusc-de-east-1.amazonaws.eu",
        "aws-cn-global,   cognito-sync.aws-cn-global.amazonaws.com.cn",
        "aws-iso-b-global, cognito-sync.aws-iso-b-global.sc2s.sgov.gov",
        // Unknown regions fall back to the standard partition, as the rule set's aws.partition does.
        "xx-future-1,     cognito-sync.xx-future-1.amazonaws.com",
        "local,           cognito-sync.local.amazonaws.com"
    })
    void forRegion_usesThePartitionsDnsSuffix(String region, String expectedHost) {
        Endpoint endpoint = Endpoint.forRegion(region);

        assertThat(endpoint.uri()).isEqualTo(URI.create("https://" + expectedHost));
        assertThat(endpoint.scheme()).isEqualTo("https");
        assertThat(endpoint.host()).isEqualTo(expectedHost);
        assertThat(endpoint.port()).isEqualTo(443);
        assertThat(endpoint.hostHeader()).isEqualTo(expectedHost);
    }

    @Test
    void forRegion_acceptsA63CharacterRegion() {
        String region = "a".repeat(63);

        assertThat(Endpoint.forRegion(region).host()).isEqualTo("cognito-sync." + region + ".amazonaws.com");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"US-EAST-1", "us_east_1", "-us-east-1", "us-east-1-", "us east 1", "us-east-1.evil.com",
        "us-east-1/", "us-east-1:443", "ü-east-1", " us-east-1",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void forRegion_rejectsNamesThatAreNotOneLowercaseDnsLabel(String region) {
        assertThatThrownBy(() -> Endpoint.forRegion(region))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("region: must be 1 to 63 lowercase letters, digits and hyphens")
                .hasMessageContaining("like us-east-1");
    }

    @Test
    void forRegion_rejectsEmptyAndNull() {
        assertThatThrownBy(() -> Endpoint.forRegion(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("region: must not be empty");
        assertThatThrownBy(() -> Endpoint.forRegion(null))
                .isInstanceOf(NullPointerException.class).hasMessage("region");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://example.com,                 https, example.com,  443,  example.com",
        "https://example.com/,                https, example.com,  443,  example.com",
        "https://example.com:8443,            https, example.com,  8443, example.com:8443",
        "https://10.1.2.3:9000,               https, 10.1.2.3,     9000, 10.1.2.3:9000",
        "https://[2001:db8::1],               https, 2001:db8::1,  443,  [2001:db8::1]",
        "http://localhost:8080,               http,  localhost,    8080, localhost:8080",
        "http://localhost,                    http,  localhost,    80,   localhost",
        "http://127.0.0.1:4566,               http,  127.0.0.1,    4566, 127.0.0.1:4566",
        "http://127.255.255.254,              http,  127.255.255.254, 80, 127.255.255.254",
        "http://[::1]:8080,                   http,  ::1,          8080, [::1]:8080",
        "http://[0:0:0:0:0:0:0:1]:8080/,      http,  0:0:0:0:0:0:0:1, 8080, [0:0:0:0:0:0:0:1]:8080",
        "http://[::0:0001],                   http,  ::0:0001,     80,   [::0:0001]"
    })
    void override_acceptsHttpsAnywhereAndHttpOnLoopback(String uri, String scheme, String host, int port,
            String hostHeader) {
        Endpoint endpoint = Endpoint.override(URI.create(uri));

        assertThat(endpoint.scheme()).isEqualTo(scheme);
        assertThat(endpoint.host()).isEqualTo(host);
        assertThat(endpoint.port()).isEqualTo(port);
        assertThat(endpoint.hostHeader()).isEqualTo(hostHeader);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://example.com", "http://example.com:8080", "http://10.0.0.1", "http://128.0.0.1",
        "http://126.0.0.1", "http://0.0.0.0", "http://[::2]", "http://[1::]", "http://[1::1]", "http://[::]",
        "http://[::ffff:127.0.0.1]", "http://localhost.example.com", "http://127.0.0.1.nip.io",
        "http://my-localhost", "http://cognito-sync.us-east-1.amazonaws.com"})
    void override_rejectsHttpToAnyOtherHost(String uri) {
        assertThatThrownBy(() -> Endpoint.override(URI.create(uri)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("uri: http is allowed only for a loopback host (localhost, 127.0.0.0/8, "
                        + "[::1]); use https for ");
    }

    @Test
    void override_keepsTheDefaultPortOutOfTheHostHeader_andAnyOtherPortIn() {
        assertThat(Endpoint.override(URI.create("https://example.com:443")).hostHeader()).isEqualTo("example.com");
        assertThat(Endpoint.override(URI.create("http://localhost:80")).hostHeader()).isEqualTo("localhost");
        assertThat(Endpoint.override(URI.create("http://localhost:443")).hostHeader()).isEqualTo("localhost:443");
        assertThat(Endpoint.override(URI.create("https://example.com:80")).hostHeader()).isEqualTo("example.com:80");
    }

    @Test
    void override_normalisesCaseDefaultPortAndTrailingSlash() {
        Endpoint endpoint = Endpoint.override(URI.create("HTTPS://Cognito-Sync.US-EAST-1.amazonaws.com:443/"));

        assertThat(endpoint.uri()).hasToString("https://cognito-sync.us-east-1.amazonaws.com");
        assertThat(endpoint).isEqualTo(Endpoint.forRegion("us-east-1"));
        assertThat(Endpoint.override(URI.create("http://LocalHost:8080")).uri()).hasToString("http://localhost:8080");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://example.com/v1                 | uri: must not have a path other than /",
        "https://example.com//                  | uri: must not have a path other than /",
        "http://localhost:8080/identitypools    | uri: must not have a path other than /",
        "https://example.com?region=us-east-1   | uri: must not have a query",
        "https://example.com/?                  | uri: must not have a query",
        "https://example.com#top                | uri: must not have a fragment",
        "ftp://example.com                      | uri: scheme must be https (or http for a loopback host), was ftp",
        "example.com                            | uri: must be absolute, like https://host[:port]",
        "/identitypools                         | uri: must be absolute, like https://host[:port]",
        "mailto:ops@example.com                 | uri: scheme must be https (or http for a loopback host), was mailto",
        "https:example.com                      | uri: must have a host that is a valid DNS name or IP address",
        "https:/example.com                     | uri: must have a host that is a valid DNS name or IP address",
        "https://under_score.example.com        | uri: must have a host that is a valid DNS name or IP address",
        "https://example.com:0                  | uri: port must be between 1 and 65535, was 0",
        "https://example.com:65536              | uri: port must be between 1 and 65535, was 65536"
    })
    void override_rejectsAnythingButSchemeHostAndPort_namingTheRule(String uri, String message) {
        assertThatThrownBy(() -> Endpoint.override(URI.create(uri)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void override_rejectsUserInfo_withoutEchoingIt() {
        assertThatThrownBy(() -> Endpoint.override(URI.create("https://admin:hunter2@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uri: must not contain user info");
    }

    @Test
    void override_acceptsTheHighestPort() {
        assertThat(Endpoint.override(URI.create("https://example.com:65535")).port()).isEqualTo(65535);
    }

    @Test
    void override_rejectsNull() {
        assertThatThrownBy(() -> Endpoint.override(null))
                .isInstanceOf(NullPointerException.class).hasMessage("uri");
    }

    @Test
    void constructor_enforcesTheSameRulesAsOverride() {
        assertThatThrownBy(() -> new Endpoint(URI.create("http://example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("uri: http is allowed only for a loopback host");
        assertThat(new Endpoint(URI.create("https://example.com/")))
                .isEqualTo(Endpoint.override(URI.create("https://example.com")));
    }

    @Test
    void normalisedEndpoint_survivesAnotherRoundUnchanged() {
        Endpoint once = Endpoint.override(URI.create("HTTP://[0:0:0:0:0:0:0:1]:80/"));

        Endpoint twice = new Endpoint(once.uri());

        assertThat(twice).isEqualTo(once);
        assertThat(twice.hostHeader()).isEqualTo("[0:0:0:0:0:0:0:1]");
        assertThat(twice.port()).isEqualTo(80);
    }
}
