package dev.cogsync.emulator.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.emulator.ConnectionLimits;
import dev.cogsync.emulator.EmulatorConfig;
import dev.cogsync.emulator.EmulatorLimits;
import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.emulator.FaultScope;
import dev.cogsync.emulator.ThrottleConfig;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The standalone emulator's command line, parsed by hand (no dependency for a dozen flags). Options take their
 * value as the next argument or after {@code =}: {@code --port 8080} or {@code --port=8080}.
 *
 * @param help whether {@code --help} was given
 * @param config the configuration the flags describe
 */
public record CommandLine(boolean help, EmulatorConfig config) {

    /** The help text, also shown by {@code --help}. */
    public static final String USAGE = """
            Usage: java -jar cogsync-emulator-all.jar [options]

            A local Amazon Cognito Sync server. Prints "listening on http://HOST:PORT" first, then runs until killed.

            Server:
              --host HOST                     address to listen on (default 127.0.0.1)
              --port PORT                     port, 0 for a free one (default 0)
              --io-threads N                  event-loop threads (default: processors, at least 2)
            Authentication (SigV4, on by default):
              --region REGION                 region requests are signed for (default us-east-1)
              --access-key KEY                accepted access key id (default AKIDEXAMPLE)
              --secret-key SECRET             its secret key (default: the AWS documentation example key)
              --no-auth                       accept unsigned requests
            Session tokens:
              --token-ttl DURATION            token lifetime, e.g. 30s, 5m, 250ms, PT1H (default: no expiry)
              --single-use-tokens             a token serves one UpdateRecords only
              --used-token-capacity N         single-use mode: recent tokens kept usable (default 100000)
            Limits (defaults are the service's):
              --max-datasets N                datasets per identity (default 20)
              --max-records N                 live records per dataset (default 1024)
              --max-dataset-bytes N           UTF-8 bytes of live keys and values per dataset (default 1048576)
              --max-key-length N              characters per key (default 1024)
              --max-value-length N            characters per value (default 1048575)
            Connections (protection from slow, idle, oversized and too many clients):
              --header-timeout DURATION       time a request's headers have to arrive (default 10s)
              --read-timeout DURATION         longest pause between two reads of a body (default 10s)
              --request-timeout DURATION      time a whole body has to arrive (default 60s)
              --idle-timeout DURATION         kept-alive connection closed after this without a request
                                              (default 60s)
              --max-connections N             connections at once; one more gets 503 (default 1024)
              --max-body-bytes N              largest body, chunked or not; more gets 413 (default 16777216)
            Throttling (off by default), per identity:
              --throttle-rps RATE             requests per second refilled
              --throttle-burst N              bucket size (default: the rate rounded up)
            Faults (probabilities 0..1, off by default), drawn from a seeded sequence:
              --fault-internal-error P        answer 500 InternalErrorException
              --fault-service-unavailable P   answer 503 ServiceUnavailableException
              --fault-throttled P             answer 429 TooManyRequestsException
              --fault-connection-closed P     close the connection before applying or answering
              --fault-applied-then-dropped P  apply an UpdateRecords, then close without answering
              --fault-latency P               add latency: --latency-fixed plus up to --latency-jitter
              --latency-fixed DURATION        (default 0ms)
              --latency-jitter DURATION       (default 0ms)
              --faults-update-records-only    fault UpdateRecords only
              --seed N                        seed of the fault sequence (default 0)
            Other:
              -h, --help                      show this help
            """;

    /**
     * Parses the arguments.
     *
     * @param args the arguments
     * @return the parsed command line
     * @throws UsageException naming the option when an argument is unknown, lacks its value or has a bad one
     */
    public static CommandLine parse(String... args) throws UsageException {
        EmulatorConfig.Builder config = EmulatorConfig.builder();
        EmulatorLimits limits = EmulatorLimits.DEFAULT;
        ConnectionLimits connections = ConnectionLimits.DEFAULT;
        FaultConfig.Builder faults = FaultConfig.builder();
        double latencyProbability = 0;
        Duration latencyFixed = Duration.ZERO;
        Duration latencyJitter = Duration.ZERO;
        String accessKey = null;
        String secretKey = null;
        double rate = 0;
        Integer burst = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                option = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            Arguments values = new Arguments(args, i, option, inline);
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--host" -> config.host(values.nonBlank());
                case "--port" -> config.port(values.intIn(0, 65535));
                case "--io-threads" -> config.ioThreads(values.intIn(1, 1024));
                case "--region" -> config.region(values.nonBlank());
                case "--access-key" -> accessKey = values.next();
                case "--secret-key" -> secretKey = values.next();
                case "--no-auth" -> config.authEnabled(false);
                case "--token-ttl" -> config.tokenTtl(values.positiveDuration());
                case "--single-use-tokens" -> config.singleUseTokens(true);
                case "--used-token-capacity" -> config.usedTokenCapacity(values.intIn(1, Integer.MAX_VALUE));
                case "--max-datasets" -> limits = limits.withMaxDatasetsPerIdentity(values.intIn(1, Integer.MAX_VALUE));
                case "--max-records" -> limits = limits.withMaxRecordsPerDataset(values.intIn(1, Integer.MAX_VALUE));
                case "--max-dataset-bytes" -> limits = limits.withMaxDatasetBytes(values.longAtLeast(1));
                case "--max-key-length" -> limits = limits.withMaxKeyLength(values.intIn(1, Integer.MAX_VALUE));
                case "--max-value-length" -> limits = limits.withMaxValueLength(values.intIn(0, Integer.MAX_VALUE));
                case "--header-timeout" -> connections = connections.withHeaderTimeout(values.positiveDuration());
                case "--read-timeout" -> connections = connections.withReadTimeout(values.positiveDuration());
                case "--request-timeout" -> connections = new ConnectionLimits(
                        connections.headerTimeout(), connections.readTimeout(), values.positiveDuration(),
                        connections.idleTimeout(), connections.maxConnections(), connections.maxBodyBytes());
                case "--idle-timeout" -> connections = connections.withIdleTimeout(values.positiveDuration());
                case "--max-connections" -> connections = connections.withMaxConnections(
                        values.intIn(1, Integer.MAX_VALUE));
                case "--max-body-bytes" -> connections = connections.withMaxBodyBytes(values.longAtLeast(1));
                case "--throttle-rps" -> rate = values.positiveRate();
                case "--throttle-burst" -> burst = values.intIn(1, Integer.MAX_VALUE);
                case "--fault-internal-error" -> faults.internalError(values.probability());
                case "--fault-service-unavailable" -> faults.serviceUnavailable(values.probability());
                case "--fault-throttled" -> faults.throttled(values.probability());
                case "--fault-connection-closed" -> faults.connectionClosed(values.probability());
                case "--fault-applied-then-dropped" -> faults.appliedThenDropped(values.probability());
                case "--fault-latency" -> latencyProbability = values.probability();
                case "--latency-fixed" -> latencyFixed = values.duration();
                case "--latency-jitter" -> latencyJitter = values.duration();
                case "--faults-update-records-only" -> faults.scope(FaultScope.UPDATE_RECORDS_ONLY);
                case "--seed" -> config.seed(values.longAtLeast(Long.MIN_VALUE));
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + option : "unexpected argument " + arg);
            }
            if (inline != null && !values.consumed()) {
                throw new UsageException("option " + option + " takes no value");
            }
            i = values.index();
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new UsageException(accessKey == null ? "option --secret-key needs --access-key too"
                    : "option --access-key needs --secret-key too");
        }
        if (accessKey != null) {
            config.credentials(credentials(accessKey, secretKey));
        }
        if (burst != null && rate == 0) {
            throw new UsageException("option --throttle-burst needs --throttle-rps too");
        }
        if (rate > 0) {
            config.throttle(ThrottleConfig.of(rate, burst != null ? burst : (int) Math.max(1, Math.ceil(rate))));
        }
        config.faults(faults.latency(latencyProbability, latencyFixed, latencyJitter).build());
        config.limits(limits);
        config.connections(connections);
        try {
            return new CommandLine(help, config.build());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static AwsCredentials credentials(String accessKey, String secretKey) throws UsageException {
        if (accessKey.isBlank()) {
            throw new UsageException("option --access-key must not be blank");
        }
        if (secretKey.isBlank()) {
            throw new UsageException("option --secret-key must not be blank");
        }
        return AwsCredentials.of(accessKey, secretKey);
    }

    /** Reads the value of the option at {@code index}: inline after {@code =}, or the next argument. */
    private static final class Arguments {
        private final String[] args;
        private final String option;
        private final String inline;
        private int index;
        private boolean consumed;

        Arguments(String[] args, int index, String option, String inline) {
            this.args = args;
            this.index = index;
            this.option = option;
            this.inline = inline;
        }

        int index() {
            return index;
        }

        boolean consumed() {
            return consumed;
        }

        String next() throws UsageException {
            consumed = true;
            if (inline != null) {
                return inline;
            }
            if (index + 1 >= args.length) {
                throw new UsageException("option " + option + " needs a value");
            }
            return args[++index];
        }

        String nonBlank() throws UsageException {
            String value = next();
            if (value.isBlank()) {
                throw bad("a value that is not blank");
            }
            return value;
        }

        int intIn(int min, int max) throws UsageException {
            long value = longAtLeast(min);
            if (value > max) {
                throw bad("an integer between " + min + " and " + max);
            }
            return (int) value;
        }

        long longAtLeast(long min) throws UsageException {
            String text = next();
            long value;
            try {
                value = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw bad("an integer", text);
            }
            if (value < min) {
                throw bad("an integer of at least " + min, text);
            }
            return value;
        }

        double probability() throws UsageException {
            double value = number();
            if (!(value >= 0 && value <= 1)) {
                throw bad("a probability between 0 and 1");
            }
            return value;
        }

        double positiveRate() throws UsageException {
            double value = number();
            if (!(value > 0) || Double.isInfinite(value)) {
                throw bad("a positive number");
            }
            return value;
        }

        Duration positiveDuration() throws UsageException {
            Duration value = duration();
            if (value.isZero()) {
                throw bad("a positive duration");
            }
            return value;
        }

        Duration duration() throws UsageException {
            String text = next().trim();
            try {
                Duration value = parseDuration(text);
                if (value.isNegative()) {
                    throw bad("a duration that is not negative", text);
                }
                return value;
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                throw bad("a duration such as 250ms, 30s, 5m, 1h or PT1H", text);
            }
        }

        private double number() throws UsageException {
            String text = next();
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw bad("a number", text);
            }
        }

        private UsageException bad(String expected) {
            return new UsageException("option " + option + " needs " + expected);
        }

        private UsageException bad(String expected, String text) {
            return new UsageException("option " + option + " needs " + expected + ", not '" + text + "'");
        }
    }

    static Duration parseDuration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pt") || lower.startsWith("p")) {
            return Duration.parse(text);
        }
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
        }
        if (lower.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
        }
        if (lower.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
        }
        if (lower.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(lower.substring(0, lower.length() - 1)));
        }
        throw new NumberFormatException("no unit");
    }
}
