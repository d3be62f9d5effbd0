package dev.cogsync.gatling;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import scala.Function1;
import scala.runtime.BoxedUnit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The protocol Gatling registers: one per {@link CognitoSyncProtocolBuilder}. Its components (client, writer,
 * embedded emulator) are created once per protocol when the simulation starts, shared by every scenario that uses
 * it, and closed when Gatling's actor system terminates, after the last virtual user.
 */
final class CognitoSyncProtocol implements Protocol {

    /** How Gatling finds the components of the protocol a scenario uses. */
    static final ProtocolKey<CognitoSyncProtocol, CognitoSyncComponents> KEY = new ProtocolKey<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<Protocol> protocolClass() {
            return (Class) CognitoSyncProtocol.class;
        }

        @Override
        public CognitoSyncProtocol defaultProtocolValue(GatlingConfiguration configuration) {
            throw new IllegalStateException("cognitoSync: the scenario has no Cognito Sync protocol; add"
                    + " .protocols(cognitoSync()...) to setUp");
        }

        @Override
        public Function1<CognitoSyncProtocol, CognitoSyncComponents> newComponents(CoreComponents core) {
            Map<CognitoSyncProtocol, CognitoSyncComponents> started = new ConcurrentHashMap<>();
            core.actorSystem().registerOnTermination(() -> {
                started.values().forEach(CognitoSyncComponents::close);
                return BoxedUnit.UNIT;
            });
            return protocol -> started.computeIfAbsent(protocol,
                    p -> CognitoSyncComponents.start(p.settings, core.statsEngine(), core.clock()));
        }
    };

    private final CognitoSyncProtocolBuilder.Settings settings;

    CognitoSyncProtocol(CognitoSyncProtocolBuilder.Settings settings) {
        this.settings = settings;
    }

    /** @return what the protocol was configured with */
    CognitoSyncProtocolBuilder.Settings settings() {
        return settings;
    }
}
