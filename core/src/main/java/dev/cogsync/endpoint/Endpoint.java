package dev.cogsync.endpoint;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where requests are sent: the scheme, host and port of an Amazon Cognito Sync endpoint.
 *
 * <p>Get one from {@link #forRegion(String)} for the real service, or from {@link #override(URI)} for another
 * host, such as the local emulator. Every endpoint, including one made with the constructor, follows the
 * same rules:
 * <ul>
 *   <li>the scheme is {@code https}, or {@code http} only for a loopback host: {@code localhost},
 *       {@code 127.0.0.0/8} in dotted-quad form, or {@code [::1]} (any spelling of it). No other host may be
 *       reached over plain HTTP, because requests carry signed credentials and personal data;</li>
 *   <li>there is a host (a name, an IPv4 address or a bracketed IPv6 address) and no user info;</li>
 *   <li>the port, if given, is between 1 and 65535;</li>
 *   <li>there is no path other than {@code /}, no query and no fragment: the client builds the path of each
 *       operation itself.</li>
 * </ul>
 * Breaking a rule throws {@link IllegalArgumentException} with a message starting {@code uri:}, naming the rule.
 *
 * <p>The URI is normalised: scheme and host lower-cased, the scheme's default port and a lone {@code /}
 * dropped. So {@code HTTPS://Example.com:443/} and {@code https://example.com} are equal endpoints.
 *
 * @param uri the endpoint, normalised as described above
 */
public record Endpoint(URI uri) {

    private static final int HTTPS_PORT = 443;
    private static final int HTTP_PORT = 80;

    /** One DNS label, so that {@code cognito-sync.{region}.{suffix}} is a valid host name. */
    private static final Pattern REGION = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /**
     * Checks the rules in the class description and normalises the URI.
     *
     * @param uri the endpoint URI
     * @throws IllegalArgumentException when the URI breaks a rule; the message names it
     */
    public Endpoint {
        Objects.requireNonNull(uri, "uri");
        uri = normalise(uri);
    }

    /**
     * The endpoint of Amazon Cognito Sync in a region: {@code https://cognito-sync.{region}.{dnsSuffix}}.
     *
     * <p>This follows the official endpoint rule set ({@code cognito-sync-2014-06-30.endpoint-rule-set-1.json})
     * with FIPS and dual-stack off. The DNS suffix is that of the region's partition:
     * <ul>
     *   <li>{@code amazonaws.com}: the standard partition ({@code us-east-1}, {@code eu-west-1}, ...), AWS
     *       GovCloud ({@code us-gov-west-1}), and any region no partition recognises, as in the rule set;</li>
     *   <li>{@code amazonaws.com.cn}: China ({@code cn-north-1}, {@code cn-northwest-1});</li>
     *   <li>{@code c2s.ic.gov}, {@code sc2s.sgov.gov}, {@code cloud.adc-e.uk}, {@code csp.hci.ic.gov}: the ISO
     *       partitions ({@code us-iso-*}, {@code us-isob-*}, {@code eu-isoe-*}, {@code us-isof-*});</li>
     *   <li>{@code amazonaws.eu}: the European Sovereign Cloud ({@code eusc-de-*}).</li>
     * </ul>
     * Not covered: the FIPS endpoints ({@code cognito-sync-fips.*}) and the dual-stack suffixes
     * ({@code api.aws}, {@code api.amazonwebservices.com.cn}). Like the rule set, this does not know in which
     * regions the service actually runs; a region where it does not run gives a host that does not resolve.
     *
     * @param region the region name, like {@code us-east-1}: 1 to 63 lowercase letters, digits and hyphens, not
     *     starting or ending with a hyphen
     * @return the endpoint, always {@code https} on port 443
     * @throws IllegalArgumentException when the region name breaks that rule
     */
    public static Endpoint forRegion(String region) {
        Objects.requireNonNull(region, "region");
        if (region.isEmpty()) {
            throw new IllegalArgumentException("region: must not be empty");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region: must be 1 to 63 lowercase letters, digits and hyphens, "
                    + "not starting or ending with a hyphen, like us-east-1; was \"" + region + "\"");
        }
        return new Endpoint(URI.create("https://cognito-sync." + region + "." + Partition.of(region).dnsSuffix()));
    }

    /**
     * An explicit endpoint in place of the regional one, for example the local emulator on
     * {@code http://localhost:8080}.
     *
     * <p>The same as the constructor; see the class description for the rules. Requests are still signed for
     * the region the client is configured with.
     *
     * @param uri the endpoint: {@code https} anywhere, {@code http} only on a loopback host, nothing after the
     *     authority but an optional {@code /}
     * @return the normalised endpoint
     * @throws IllegalArgumentException when the URI breaks a rule; the message names it
     */
    public static Endpoint override(URI uri) {
        return new Endpoint(uri);
    }

    /**
     * The scheme.
     *
     * @return {@code https}, or {@code http} for a loopback host
     */
    public String scheme() {
        return uri.getScheme();
    }

    /**
     * The host to connect to, lower-cased. An IPv6 address comes without brackets ({@code ::1}), the form socket
     * APIs take; {@link #hostHeader()} has the bracketed form.
     *
     * @return the host name or IP address
     */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * The port to connect to: the one given, or the scheme's default (443 for https, 80 for http).
     *
     * @return between 1 and 65535
     */
    public int port() {
        int port = uri.getPort();
        return port != -1 ? port : defaultPort(uri.getScheme());
    }

    /**
     * The value of the {@code Host} request header, which SigV4 also signs: the host, with the port appended
     * only when it is not the scheme's default, for example {@code cognito-sync.us-east-1.amazonaws.com},
     * {@code localhost:8080} or {@code [::1]:8080}.
     *
     * @return {@code host} or {@code host:port}, IPv6 addresses in brackets
     */
    public String hostHeader() {
        // The normalised URI's authority is exactly this: no user info, default port dropped.
        return uri.getRawAuthority();
    }

    private static URI normalise(URI uri) {
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("uri: must be absolute, like https://host[:port]");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("uri: scheme must be https (or http for a loopback host), was "
                    + scheme);
        }
        // Checked before anything that echoes parts of the URI: user info may hold a password.
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("uri: must not contain user info");
        }
        // Null as well for opaque URIs (https:host) and registry-based authorities (host_name).
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("uri: must have a host that is a valid DNS name or IP address");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("uri: port must be between 1 and 65535, was " + port);
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("uri: must not have a path other than /");
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("uri: must not have a query");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("uri: must not have a fragment");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException("uri: http is allowed only for a loopback host (localhost, "
                    + "127.0.0.0/8, [::1]); use https for " + host);
        }
        boolean defaultPort = port == -1 || port == defaultPort(scheme);
        return URI.create(scheme + "://" + host + (defaultPort ? "" : ":" + port));
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? HTTPS_PORT : HTTP_PORT;
    }

    /** Decided from the literal alone, never by resolving a name: resolution is I/O and can be spoofed. */
    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (host.startsWith("[")) {
            return isIpv6Loopback(host.substring(1, host.length() - 1));
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (!ipv4.matches() || !ipv4.group(1).equals("127")) {
            return false;
        }
        for (int group = 2; group <= 4; group++) {
            if (Integer.parseInt(ipv4.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a syntactically valid IPv6 address (as {@link URI} accepted it) is {@code ::1}: every written
     * group 0 except a last group of 1, with nothing compressed after it. Embedded IPv4 forms and zone ids are
     * not loopback here.
     */
    private static boolean isIpv6Loopback(String address) {
        if (address.indexOf('.') >= 0 || address.indexOf('%') >= 0 || address.endsWith("::")) {
            return false;
        }
        String[] groups = address.split(":");
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                continue;
            }
            int value = Integer.parseInt(group, 16);
            if (value != (i == groups.length - 1 ? 1 : 0)) {
                return false;
            }
        }
        return true;
    }
}
