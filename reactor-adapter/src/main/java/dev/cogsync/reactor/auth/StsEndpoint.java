package dev.cogsync.reactor.auth;

import java.net.URI;
import java.util.function.Function;

/**
 * Where STS is, as the AWS SDKs find it: {@code AWS_ENDPOINT_URL_STS}, else {@code AWS_ENDPOINT_URL}, else the
 * regional endpoint of {@code AWS_REGION} or {@code AWS_DEFAULT_REGION} ({@code .amazonaws.com.cn} in China),
 * else the global {@code https://sts.amazonaws.com}.
 */
final class StsEndpoint {

    private StsEndpoint() {
    }

    private static final java.util.regex.Pattern REGIONAL =
            java.util.regex.Pattern.compile("sts\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    /**
     * The endpoint, with a region from a profile when the environment names none.
     *
     * @param environment the environment variables
     * @param profileRegion the profile's {@code region}, or {@code null}
     * @return the endpoint
     */
    static URI resolve(Function<String, String> environment, String profileRegion) {
        return resolve(name -> {
            String value = environment.apply(name);
            return value == null && name.equals("AWS_REGION") ? profileRegion : value;
        });
    }

    /**
     * The region STS signatures are scoped to: the endpoint's own, else the given one, else {@code us-east-1}
     * (the global endpoint's).
     *
     * @param sts the endpoint
     * @param region the configured region, or {@code null}
     * @return the signing region
     */
    static String signingRegion(URI sts, String region) {
        java.util.regex.Matcher matcher = REGIONAL.matcher(sts.getHost() == null ? "" : sts.getHost());
        if (matcher.matches()) {
            return matcher.group(1);
        }
        return region != null && !region.isBlank() ? region.strip() : "us-east-1";
    }

    static URI resolve(Function<String, String> environment) {
        for (String variable : new String[]{"AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"}) {
            String override = environment.apply(variable);
            if (override != null && !override.isBlank()) {
                String base = override.strip();
                return URI.create(base.endsWith("/") ? base : base + "/");
            }
        }
        String region = environment.apply("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = environment.apply("AWS_DEFAULT_REGION");
        }
        if (region == null || region.isBlank()) {
            return URI.create("https://sts.amazonaws.com/");
        }
        region = region.strip();
        return URI.create("https://sts." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "") + "/");
    }
}
