package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.DurationText;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.UsageException;
import dev.cogsync.workload.Workload;
import dev.cogsync.endpoint.Endpoint;
import dev.cogsync.exception.ValidationException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The load command's command line, parsed by hand (no dependency for a dozen options). Every option takes a
 * value, as the next argument or after {@code =}: {@code --writers 16} or {@code --writers=16}. An option given
 * twice is an error, so that a script never runs with a value it did not mean.
 */
final class LoadOptionsParser {

    /** The help text, shown by {@code --help}. */
    static final String USAGE = """
            Usage: java -jar cogsync-benchmarks.jar load [options]

            Drives concurrent writers against Cognito Sync UpdateRecords, then prints a summary: patches, calls,
            retries, throughput and latency. By default it starts an embedded emulator on a free loopback port.

            Target:
              --endpoint URL          send to URL instead of the embedded emulator; credentials then come from
                                      the AWS SDKs' default chain (system properties, environment, web
                                      identity, profiles, container endpoint, EC2 instance metadata)
              --region REGION         signing region (default us-east-1)
              --identity-pool-id ID   identity pool (default us-east-1:c0651ec0-0000-4000-8000-000000000000)
            Workload:
              --mode MODE             coalesced: managed puts through one CoalescingWriter (default)
                                      explicit: submits through one CoalescingWriter, each carrying the
                                      sync count the key's last write returned
                                      plain: one UpdateRecords per patch, carrying the key's last sync count
                                      and the dataset's session token
                                      per-patch: ListRecords, then one UpdateRecords per patch
                                      Modes that carry counts list again on a conflict (up to 5 times)
              --writers N             concurrent writers (default 256)
              --datasets N            datasets, 20 per identity; writer i writes dataset i mod N (default 4)
              --keys N                keys per dataset; writers of a dataset split its keys (default 64).
                                      Past the service's 1,024 records a dataset is full: the writes of
                                      new keys then fail with LimitExceededException, which measures
                                      what refused batches cost
              --value-bytes N         size of every value (default 64)
              --duration D            submit patches for D, e.g. 500ms, 10s, 2m, PT30S (default 10s)
              --patches N             submit N patches in total instead of running for a duration
              --warmup D              run the writers for D first, uncounted, so that the JIT compiler has
                                      done its work (default 5s; 0s for none)
              --write-timeout D       each coalesced write's deadline (default: the writer's, 30s); writes
                                      past it fail with WriteTimeoutException
            Embedded emulator only:
              --throttle-rps R        rate limit per identity: R requests per second, bursts of R (default off)
              --fault-rate P          fault probability per request, 0 to 1 (default 0): 500 errors P/2,
                                      connection resets P/4, UpdateRecords applied then dropped P/4
              --throttle-probability P
                                      answer each request with a 429 with probability P, whatever the
                                      load, 0 to 1 (default 0)
              --credentials C         developer: sign everything with the emulator's developer keys
                                      (default); cognito-identity: every identity is created by Cognito
                                      Identity's GetId and signs with its own temporary credentials
              --seed S                seed of the fault sequence (default 0)
            Output:
              --json FILE             also write the summary to FILE as JSON
              -h, --help              show this help

            Progress goes to standard error, the summary to standard output.
            Exit status: 0 when every patch was acknowledged, 1 when any failed (or the run could not start),
            2 for a bad command line.
            """;

    /** The options that configure the embedded emulator, and so cannot go with {@code --endpoint}. */
    private static final List<String> EMULATOR_OPTIONS = List.of("--throttle-rps", "--fault-rate",
            "--throttle-probability", "--credentials", "--seed");

    private static final List<String> OPTIONS = List.of("--endpoint", "--region", "--identity-pool-id", "--mode",
            "--writers", "--datasets", "--keys", "--value-bytes", "--duration", "--patches", "--warmup",
            "--throttle-rps", "--fault-rate", "--throttle-probability", "--write-timeout", "--credentials", "--seed",
            "--json");

    /** The most writers: each is cheap, but a typo should not cost the machine. */
    static final int MAX_WRITERS = 100_000;
    /** The most datasets: 5,000 identities of 20. */
    static final int MAX_DATASETS = 100_000;
    /** The most keys per dataset: enough to measure writes to a full dataset. */
    static final int MAX_KEYS = 1_000_000;

    private LoadOptionsParser() {
    }

    /**
     * Whether the user asked for help; help wins over any other argument, even a bad one.
     *
     * @param args the arguments
     * @return {@code true} when {@code -h} or {@code --help} is among them
     */
    static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses the options.
     *
     * @param args the arguments after {@code load}
     * @return the options
     * @throws UsageException naming the option and the problem
     */
    static LoadOptions parse(String... args) throws UsageException {
        LoadOptions.Builder options = LoadOptions.builder();
        Set<String> seen = new HashSet<>();
        URI endpoint = null;
        String identityPoolId = LoadOptions.DEFAULT_IDENTITY_POOL_ID;
        int writers = LoadOptions.DEFAULT_WRITERS;
        int datasets = LoadOptions.DEFAULT_DATASETS;
        int keys = LoadOptions.DEFAULT_KEYS;
        int valueBytes = LoadOptions.DEFAULT_VALUE_BYTES;
        Long patches = null;
        Duration duration = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                throw new UsageException("unexpected argument \"" + arg + "\"; options start with --");
            }
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!OPTIONS.contains(name)) {
                throw new UsageException(name + ": unknown option" + suggestion(name));
            }
            if (!seen.add(name)) {
                throw new UsageException(name + ": given more than once");
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + ": needs a value");
            }
            switch (name) {
                case "--endpoint" -> endpoint = endpoint(value);
                case "--region" -> options.region(region(value));
                case "--identity-pool-id" -> identityPoolId = identityPoolId(value);
                case "--mode" -> options.mode(mode(value));
                case "--writers" -> writers = integer(name, value, 1, MAX_WRITERS);
                case "--datasets" -> datasets = integer(name, value, 1, MAX_DATASETS);
                case "--keys" -> keys = integer(name, value, 1, MAX_KEYS);
                case "--value-bytes" -> valueBytes = integer(name, value, 0, Integer.MAX_VALUE);
                case "--duration" -> duration = duration(name, value);
                case "--patches" -> patches = integer(name, value, 1, Long.MAX_VALUE);
                case "--warmup" -> options.warmup(warmup(name, value));
                case "--throttle-rps" -> options.throttleRps(positiveNumber(name, value));
                case "--fault-rate" -> options.faultRate(probability(name, value));
                case "--throttle-probability" -> options.throttleProbability(probability(name, value));
                case "--write-timeout" -> options.writeTimeout(duration(name, value));
                case "--credentials" -> options.cognitoIdentity(switch (value) {
                    case "developer" -> false;
                    case "cognito-identity" -> true;
                    default -> throw new UsageException("--credentials: must be developer or cognito-identity, was \""
                            + value + "\"");
                });
                case "--seed" -> options.seed(integer(name, value, Long.MIN_VALUE, Long.MAX_VALUE));
                case "--json" -> options.json(jsonFile(value));
                default -> throw new IllegalStateException("unhandled option " + name);
            }
        }
        if (patches != null && duration != null) {
            throw new UsageException("--patches: cannot be combined with --duration; give one or the other");
        }
        if (endpoint != null) {
            for (String option : EMULATOR_OPTIONS) {
                if (seen.contains(option)) {
                    throw new UsageException(option + ": configures the embedded emulator, so it cannot be "
                            + "combined with --endpoint");
                }
            }
        }
        if (datasets > writers) {
            throw new UsageException("--datasets: must be at most the number of writers (" + writers
                    + "), since each writer writes one dataset, was \"" + datasets + "\"");
        }
        int stored = Math.min(keys, Workload.MAX_KEYS);
        if (Workload.datasetBytes(stored, valueBytes) > Workload.MAX_DATASET_BYTES) {
            long fits = (Workload.MAX_DATASET_BYTES - Workload.datasetBytes(stored, 0)) / stored;
            throw new UsageException("--value-bytes: " + stored + " keys of " + valueBytes + " bytes exceed the "
                    + "service's " + Workload.MAX_DATASET_BYTES + " bytes per dataset; with " + stored
                    + " keys, values can have at most " + fits + " bytes");
        }
        try {
            Workload.dataset(identityPoolId, datasets - 1);
        } catch (ValidationException e) {
            throw new UsageException("--identity-pool-id: cannot name the identities of " + datasets
                    + " datasets after it: " + e.getMessage());
        }
        if (patches != null) {
            options.patches(patches);
        } else if (duration != null) {
            options.duration(duration);
        }
        return options.endpoint(endpoint).identityPoolId(identityPoolId).writers(writers).datasets(datasets)
                .keys(keys).valueBytes(valueBytes).build();
    }

    private static URI endpoint(String text) throws UsageException {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint: must be a URL like https://host[:port]");
        }
        try {
            Endpoint.override(uri);
        } catch (IllegalArgumentException e) {
            // Core's message names the rule without echoing user info; the text itself might hold a password.
            throw new UsageException("--endpoint: " + e.getMessage().replaceFirst("^uri: ", ""));
        }
        return uri;
    }

    private static String region(String text) throws UsageException {
        try {
            Endpoint.forRegion(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--region: " + e.getMessage().replaceFirst("^region: ", "") + ", was \""
                    + text + "\"");
        }
        return text;
    }

    private static String identityPoolId(String text) throws UsageException {
        try {
            Workload.dataset(text, 0);
        } catch (ValidationException e) {
            throw new UsageException("--identity-pool-id: " + (e.field().equals("identityPoolId") ? e.rule()
                    : "cannot name identities after it: " + e.getMessage()) + ", was \"" + text + "\"");
        }
        return text;
    }

    private static PatchMode mode(String text) throws UsageException {
        return PatchMode.fromOptionValue("--mode", text);
    }

    private static int integer(String name, String text, int min, int max) throws UsageException {
        return (int) integer(name, text, (long) min, (long) max);
    }

    private static long integer(String name, String text, long min, long max) throws UsageException {
        String kind = min == 1 ? "a positive integer" : min == 0 ? "an integer >= 0" : "an integer";
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-' || c == '+')) {
            throw new UsageException(name + ": must be " + kind + ", was \"" + text + "\"");
        }
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": must be " + kind + (trimmed.length() > 18 ? " no larger than "
                    + max : "") + ", was \"" + text + "\"");
        }
        if (value < min) {
            throw new UsageException(name + ": must be " + kind + ", was \"" + text + "\"");
        }
        if (value > max) {
            throw new UsageException(name + ": must be at most " + max + ", was \"" + text + "\"");
        }
        return value;
    }

    private static Duration duration(String name, String text) throws UsageException {
        Duration value = DurationText.parse(name, text, "500ms, 10s, 2m or PT30S");
        if (value.isZero() || value.isNegative()) {
            throw new UsageException(name + ": must be positive, was \"" + text + "\"");
        }
        return value;
    }

    private static Duration warmup(String name, String text) throws UsageException {
        Duration value = DurationText.parse(name, text, "0s, 500ms, 5s or PT5S");
        if (value.isNegative()) {
            throw new UsageException(name + ": must not be negative, was \"" + text + "\"");
        }
        return value;
    }

    private static double positiveNumber(String name, String text) throws UsageException {
        double value = number(name, text, "a positive number");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageException(name + ": must be a positive number, was \"" + text + "\"");
        }
        return value;
    }

    private static double probability(String name, String text) throws UsageException {
        double value = number(name, text, "a probability between 0 and 1");
        if (!(value >= 0 && value <= 1)) {
            throw new UsageException(name + ": must be a probability between 0 and 1, was \"" + text + "\"");
        }
        return value;
    }

    private static double number(String name, String text, String kind) throws UsageException {
        String trimmed = text.trim();
        // Double.parseDouble also takes "NaN", "Infinity" and hex floats; a command line means decimals.
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '-'
                || c == '+' || c == 'e' || c == 'E')) {
            throw new UsageException(name + ": must be " + kind + ", was \"" + text + "\"");
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": must be " + kind + ", was \"" + text + "\"");
        }
    }

    private static Path jsonFile(String text) throws UsageException {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("--json: not a valid file name, was \"" + text + "\"");
        }
        if (text.isBlank()) {
            throw new UsageException("--json: must name a file, was \"" + text + "\"");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("--json: is a directory, was \"" + text + "\"");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("--json: directory " + parent + " does not exist, was \"" + text + "\"");
        }
        return path;
    }

    /** A hint for a misspelt option: the known option closest to it, if it is close. */
    private static String suggestion(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : OPTIONS) {
            int distance = editDistance(name, option);
            if (distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 ? "; did you mean " + best + "?" : "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
