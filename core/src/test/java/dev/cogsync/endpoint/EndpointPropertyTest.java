package dev.cogsync.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EndpointPropertyTest {

    @Property
    void http_isAllowedForEveryIpv4AddressIn127Slash8AndNoOther(
            @ForAll @IntRange(min = 0, max = 255) int a,
            @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll @IntRange(min = 0, max = 255) int c,
            @ForAll @IntRange(min = 0, max = 255) int d) {
        String host = a + "." + b + "." + c + "." + d;
        URI uri = URI.create("http://" + host + ":8080");

        if (a == 127) {
            assertThat(Endpoint.override(uri).hostHeader()).isEqualTo(host + ":8080");
        } else {
            assertThatThrownBy(() -> Endpoint.override(uri))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http is allowed only for a loopback host");
        }
        assertThat(Endpoint.override(URI.create("https://" + host)).host()).isEqualTo(host);
    }

    @Property
    void forRegion_putsAnyValidRegionIntoTheHostUnchanged(@ForAll("regions") String region) {
        Endpoint endpoint = Endpoint.forRegion(region);

        assertThat(endpoint.host()).startsWith("cognito-sync." + region + ".");
        assertThat(endpoint.hostHeader()).isEqualTo(endpoint.host());
        assertThat(endpoint.uri()).hasScheme("https").hasNoPort().hasPath("");
    }

    @Property
    void forRegion_rejectsAnyRegionWithACharacterOutsideTheRule(
            @ForAll("regions") String region,
            @ForAll("forbiddenCharacters") char forbidden,
            @ForAll @IntRange(min = 0, max = 63) int position) {
        int at = Math.min(position, region.length());
        String broken = region.substring(0, at) + forbidden + region.substring(at);

        assertThatThrownBy(() -> Endpoint.forRegion(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("region:");
    }

    @Provide
    Arbitrary<String> regions() {
        Arbitrary<String> edge = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength(1);
        Arbitrary<String> middle = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-').ofMaxLength(61);
        return Arbitraries.oneOf(
                edge,
                Combinators.combine(edge, middle, edge).as((first, inner, last) -> first + inner + last));
    }

    @Provide
    Arbitrary<Character> forbiddenCharacters() {
        return Arbitraries.chars().filter(c -> !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-');
    }
}
