package dev.cogsync.gatling;

import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.CoreComponents;
import io.gatling.core.action.Action;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.actor.ActorSystem;
import io.gatling.core.config.GatlingConfiguration$;
import io.gatling.core.controller.Controller;
import io.gatling.core.pause.Disabled$;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolComponentsRegistry;
import io.gatling.core.session.GroupBlock;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.collection.immutable.List;
import scala.jdk.javaapi.CollectionConverters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of Gatling to run one action of this module the way a simulation does, without a simulation: an
 * actor system, an event loop for the virtual users, a stats engine that records what it is told, and an exit
 * action that hands back the session the action passed on. Closing terminates the actor system, which closes the
 * protocol's components as it does at the end of a run.
 */
final class GatlingHarness implements AutoCloseable {

    /** One {@code logResponse} or {@code logRequestCrash}. */
    record Logged(String scenario, String name, long start, long end, String status, String responseCode,
                  String message) {
    }

    private final ActorSystem actorSystem = new ActorSystem();
    private final EventLoopGroup users = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final java.util.List<Logged> logged = new CopyOnWriteArrayList<>();
    private final ScenarioContext context;
    private volatile CompletableFuture<Session> exited = new CompletableFuture<>();

    GatlingHarness(CognitoSyncProtocolBuilder protocol) {
        StatsEngine stats = new StatsEngine() {
            @Override
            public void start() {
            }

            @Override
            public void stop(ActorRef<Controller.Command> controller, Option<Exception> exception) {
            }

            @Override
            public void logUserStart(String scenario) {
            }

            @Override
            public void logUserEnd(String scenario) {
            }

            @Override
            public void logResponse(String scenario, List<String> groups, String name, long start, long end,
                                    Status status, Option<String> responseCode, Option<String> message) {
                logged.add(new Logged(scenario, name, start, end, status.name(),
                        responseCode.isDefined() ? responseCode.get() : null,
                        message.isDefined() ? message.get() : null));
            }

            @Override
            public void logGroupEnd(String scenario, GroupBlock group, long exitTimestamp) {
            }

            @Override
            public void logRequestCrash(String scenario, List<String> groups, String name, String error) {
                logged.add(new Logged(scenario, name, 0, 0, "CRASH", null, error));
            }
        };
        Action exit = new Action() {
            private final com.typesafe.scalalogging.Logger logger =
                    com.typesafe.scalalogging.Logger.apply(LoggerFactory.getLogger(GatlingHarness.class));

            @Override
            public String name() {
                return "exit";
            }

            @Override
            public void execute(Session session) {
                exited.complete(session);
            }

            @Override
            public com.typesafe.scalalogging.Logger logger() {
                return logger;
            }

            @Override
            public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(
                    com.typesafe.scalalogging.Logger l) {
            }
        };
        CoreComponents core = new CoreComponents(actorSystem, users, null, Option.empty(), stats,
                System::currentTimeMillis, exit,
                GatlingConfiguration$.MODULE$.loadForTest(CollectionConverters.asScala(
                        java.util.List.<scala.Tuple2<String, ?>>of()).toSeq()));
        Protocol built = protocol.protocol();
        ProtocolComponentsRegistry registry = new ProtocolComponentsRegistry(core,
                Protocol.indexByType(CollectionConverters.asScala(java.util.List.of(built))),
                new scala.collection.mutable.HashMap<>(), new scala.collection.mutable.HashMap<>());
        context = new ScenarioContext(core, registry, Disabled$.MODULE$, false);
    }

    /**
     * Runs one action for a virtual user with these attributes, and waits for the session it passes on.
     *
     * @param action the action
     * @param attributes the user's session
     * @return the session the next action got
     */
    Session run(ActionBuilder action, Map<String, Object> attributes) throws Exception {
        exited = new CompletableFuture<>();
        Action built = action.asScala().build(context, context.coreComponents().exit());
        Session session = new Session("scenario", 1L, scala.collection.immutable.Map.from(
                CollectionConverters.asScala(attributes)), (Status) OK$.MODULE$, scala.collection.immutable.List$.MODULE$.<io.gatling.core.session.Block>empty(),
                Session.NothingOnExit(), users.next());
        users.next().execute(() -> built.$bang(session));
        return exited.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return what the stats engine was told, in order */
    java.util.List<Logged> logged() {
        return logged;
    }

    /** @return the scenario context, to build actions against */
    ScenarioContext context() {
        return context;
    }

    @Override
    public void close() {
        actorSystem.close();
        users.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
