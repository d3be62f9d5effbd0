package dev.cogsync.gatling.sample;

import dev.cogsync.emulator.junit.BlockHoundCanary;
import dev.cogsync.emulator.junit.NettyLeakCollector;
import dev.cogsync.emulator.junit.NettyLeakDetectionExtension;
import dev.cogsync.gatling.CognitoSyncProtocolBuilder;
import dev.cogsync.workload.DurationText;
import dev.cogsync.workload.Injector;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.UsageException;
import dev.cogsync.workload.Workload;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.netty.buffer.ByteBufAllocator;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.cogsync.gatling.CognitoSyncDsl.cognitoSync;
import static dev.cogsync.gatling.CognitoSyncDsl.workloadFeeder;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The sample simulation: a settings service's users saving their settings. The number of users saving at once
 * ramps up, then holds (Gatling's closed model); each virtual user is a writer of the shared {@link Workload}: a
 * key of its own in one of a few datasets, which it writes a number of times back to back before reading the first
 * page of its dataset back, and a new user takes its place. Since many users write each dataset at once, the coalescer turns
 * their puts into few UpdateRecords calls, and the report's {@code UpdateRecords carrying ...} lines show how few.
 * A few editors meanwhile write with their own sync counts ({@code submit}), each carrying the count its last
 * write returned. Assertions: no KO, and a bound on {@code put}'s 99th percentile.
 *
 * <p>Shaped by system properties, all optional (the Maven plugin passes them on from {@code -D}):
 * <ul>
 *   <li>{@code cogsync.endpoint}: send there; without it, to an emulator embedded in the simulation's JVM, started
 *       with the options in {@code cogsync.emulator} (for example {@code --fault-throttled 0.3});</li>
 *   <li>{@code cogsync.mode}: {@code coalesced} (default), {@code explicit}, {@code plain} or {@code per-patch};</li>
 *   <li>{@code cogsync.users} saving at once (200), reached over {@code cogsync.ramp} (10s) and held for
 *       {@code cogsync.hold} (20s); {@code cogsync.writes} per user (10); {@code cogsync.datasets} (4), each with
 *       a key for each of 1,024 writers; {@code cogsync.valueBytes} (64);</li>
 *   <li>{@code cogsync.p99}: the bound on {@code put}'s 99th percentile (2s);</li>
 *   <li>{@code cogsync.injector.index} and {@code cogsync.injector.count}: this injector's share of the datasets,
 *       on identities of its own, when several share a test.</li>
 * </ul>
 *
 * <p>It also runs with what every test of this project runs with: BlockHound, so that a blocking call on an event
 * loop (Gatling's or Reactor Netty's) fails the run; and Netty's paranoid leak detection, whose reports fail the run
 * at its end. Each has its canary in {@code before()}: a blocking call and a dropped buffer that must be caught.
 * These checks are on when {@code cogsync.checks} is {@code true}, as this module's build sets it (BlockHound needs
 * the JVM flag {@code -XX:+AllowRedefinitionToAddDeleteMethods}); elsewhere, Gatling Enterprise included, they are
 * off.
 */
public class SettingsSimulation extends Simulation {

    private static final NettyLeakCollector LEAKS = new NettyLeakCollector();

    private final int users = integer("cogsync.users", 200);
    private final Duration ramp = duration("cogsync.ramp", "10s");
    private final Duration hold = duration("cogsync.hold", "20s");
    private final int writes = integer("cogsync.writes", 10);
    private final int datasets = integer("cogsync.datasets", 4);
    private final Injector injector = Injector.current();
    // As many writers as the datasets have keys: a user reuses a key only long after its last user has left.
    private final Workload writers = Workload.builder()
            .writers(Workload.shareOf(datasets, injector) * Workload.MAX_KEYS)
            .datasets(datasets)
            .keyPerWriter()
            .valueBytes(integer("cogsync.valueBytes", 64))
            .injector(injector)
            .build();
    private final int editorCount = Math.max(1, users / 10);
    // The editors have datasets of their own: a pool of their own gives them identities of their own.
    private final Workload editors = Workload.builder()
            .identityPoolId("us-east-1:ed170000-0000-4000-8000-0000000000ed")
            .writers(editorCount)
            .datasets(Math.max(injector.count(), 2))
            .keyPerWriter()
            .valueBytes(32)
            .injector(injector)
            .build();

    private final ScenarioBuilder saving = scenario("settings writers")
            .feed(workloadFeeder(writers))
            .repeat(writes, "n").on(exec(cognitoSync("put")
                    .put("#{identityId}", "#{datasetName}", "#{key}", "#{value}-#{n}")))
            .exec(cognitoSync("read back").listRecords("#{identityId}", "#{datasetName}"));

    private final ScenarioBuilder editing = scenario("settings editors")
            .feed(workloadFeeder(editors))
            .exec(cognitoSync("edit: first").put("#{identityId}", "#{datasetName}", "#{key}", "#{value}")
                    .saveAs("syncCount"))
            .repeat(writes, "n").on(exec(cognitoSync("edit")
                    .submit("#{identityId}", "#{datasetName}", "#{key}", "#{value}-#{n}", "#{syncCount}")
                    .saveAs("syncCount")));

    {
        CognitoSyncProtocolBuilder protocol = cognitoSync().mode(PatchMode.fromOptionValue("cogsync.mode",
                System.getProperty("cogsync.mode", "coalesced")));
        String endpoint = System.getProperty("cogsync.endpoint", "");
        protocol = endpoint.isBlank() ? protocol.embeddedEmulator(emulatorOptions())
                : protocol.endpoint(endpoint);
        long p99 = duration("cogsync.p99", "2s").toMillis();

        System.out.printf("cogsync: %s; %d users at once after %s, for %s, %d writes each; %s%n", writers,
                users, ramp, hold, writes, endpoint.isBlank()
                        ? "embedded emulator " + String.join(" ", emulatorOptions()) : endpoint);
        System.out.println("cogsync: datasets " + Stream.concat(writers.datasets().stream(),
                        editors.datasets().stream())
                .map(dataset -> dataset.identityId() + "/" + dataset.datasetName()).toList());
        setUp(saving.injectClosed(rampConcurrentUsers(0).to(users).during(ramp),
                        constantConcurrentUsers(users).during(hold)),
                editing.injectOpen(rampUsers(editorCount).during(ramp.plus(hold))))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("put").successfulRequests().count().gt(0L),
                        details("put").responseTime().percentile(99.0).lt((int) p99),
                        details("edit").failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        if (!Boolean.getBoolean("cogsync.checks")) {
            return;
        }
        BlockHound.install();
        Throwable canary = BlockHoundCanary.blockOnAReactorThread();
        if (!(canary instanceof BlockingOperationError)) {
            throw new IllegalStateException("BlockHound is not catching blocking calls: " + canary);
        }
        if (NettyLeakDetectionExtension.active()) {
            LEAKS.installGlobally();
            // The leak canary: a buffer dropped without release must be reported, or the check in after() is void.
            System.out.println("cogsync: leak canary: a buffer is dropped on purpose; Netty's LEAK report of it is"
                    + " expected");
            dropABuffer();
            if (LEAKS.collect(NettyLeakCollector::allocateTrackedBuffers).isEmpty()) {
                throw new IllegalStateException("Netty's leak detection is not reporting leaks");
            }
        }
    }

    private static void dropABuffer() {
        ByteBufAllocator.DEFAULT.buffer(16).writeInt(1);
    }

    @Override
    public void after() {
        if (!Boolean.getBoolean("cogsync.checks") || !NettyLeakDetectionExtension.active()) {
            return;
        }
        List<String> leaks = LEAKS.collect(NettyLeakCollector::allocateTrackedBuffers);
        if (!leaks.isEmpty()) {
            throw new IllegalStateException("Netty reported " + leaks.size() + " leak(s):\n"
                    + String.join("\n", leaks));
        }
    }

    private static String[] emulatorOptions() {
        String options = System.getProperty("cogsync.emulator", "").trim();
        return options.isEmpty() ? new String[0] : options.split("\\s+");
    }

    private static int integer(String property, int absent) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(property + ": must be a whole number, was \"" + text + "\"");
        }
    }

    private static Duration duration(String property, String absent) {
        return DurationText.parse(property, System.getProperty(property, absent), "500ms, 20s or 2m");
    }
}
