package dev.cogsync.gatling;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.internal.Expressions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named Cognito Sync request: choose what it does. Every argument is Gatling Expression Language, resolved for
 * each virtual user ({@code "#{identityId}"}, {@code "settings-#{n}"}), or plain text. Datasets are named by the
 * identity and the dataset name, in the protocol's identity pool.
 *
 * <pre>{@code
 * exec(cognitoSync("save").put("#{identityId}", "#{datasetName}", "#{key}", "#{value}"))
 * exec(cognitoSync("read back").listAllRecords("#{identityId}", "#{datasetName}").saveAs("records"))
 * }</pre>
 *
 * <p>{@code put}, {@code remove} and {@code submit} go through the protocol's mode (coalesced by default); the
 * listings and {@code getId} go straight to the client.
 */
public final class CognitoSyncRequest {

    private final scala.Function1<Session, Validation<String>> name;

    CognitoSyncRequest(String name) {
        this.name = Expressions.toStringExpression(Objects.requireNonNull(name, "requestName"));
    }

    /**
     * Sets a record's value: a managed write whose sync count the writer (or the mode) tracks.
     *
     * @param identityId the identity, EL
     * @param datasetName the dataset, EL
     * @param key the record, EL
     * @param value the new value, EL
     * @return the action; {@code saveAs} saves the record's new sync count, a {@code Long}
     */
    public CognitoSyncActionBuilder put(String identityId, String datasetName, String key, String value) {
        return action(List.of(identityId, datasetName, key, value), (components, a) ->
                components.sender().put(dataset(components, a), a[2], a[3]));
    }

    /**
     * Removes a record.
     *
     * @param identityId the identity, EL
     * @param datasetName the dataset, EL
     * @param key the record, EL
     * @return the action; {@code saveAs} saves the removed record's new sync count, a {@code Long}
     */
    public CognitoSyncActionBuilder remove(String identityId, String datasetName, String key) {
        return action(List.of(identityId, datasetName, key), (components, a) ->
                components.sender().remove(dataset(components, a), a[2]));
    }

    /**
     * Writes a value with the virtual user's own claim of the record's sync count, as in the coalescer's explicit
     * mode: a stale count fails the request with {@code ResourceConflictException}.
     *
     * @param identityId the identity, EL
     * @param datasetName the dataset, EL
     * @param key the record, EL
     * @param value the new value, EL
     * @param syncCount the record's sync count as the user last saw it, EL, for example {@code "#{syncCount}"}
     * @return the action; {@code saveAs} saves the record's new sync count, a {@code Long}
     */
    public CognitoSyncActionBuilder submit(String identityId, String datasetName, String key, String value,
                                           String syncCount) {
        return action(List.of(identityId, datasetName, key, value, syncCount), (components, a) ->
                components.sender().submit(dataset(components, a), RecordPatch.replace(a[2], a[3],
                        syncCount(a[4]))));
    }

    /**
     * Reads the first page of a dataset's records (and a session token, which the client does not keep).
     *
     * @param identityId the identity, EL
     * @param datasetName the dataset, EL
     * @return the action; {@code saveAs} saves the page's live records as a {@code Map<String, Long>} from key
     *     to sync count
     */
    public CognitoSyncActionBuilder listRecords(String identityId, String datasetName) {
        return action(List.of(identityId, datasetName), (components, a) ->
                components.client().listRecords(ListRecordsRequest.of(dataset(components, a)))
                        .map(page -> syncCounts(page.records())));
    }

    /**
     * Reads every page of a dataset's records.
     *
     * @param identityId the identity, EL
     * @param datasetName the dataset, EL
     * @return the action; {@code saveAs} saves the live records as a {@code Map<String, Long>} from key to sync
     *     count
     */
    public CognitoSyncActionBuilder listAllRecords(String identityId, String datasetName) {
        return action(List.of(identityId, datasetName), (components, a) ->
                components.client().listAllRecords(ListRecordsRequest.of(dataset(components, a)))
                        .collectList().map(CognitoSyncRequest::syncCounts));
    }

    /**
     * Creates a new identity in the protocol's pool with Cognito Identity's {@code GetId}, for a virtual user to be
     * its own identity. Needs {@link CognitoSyncProtocolBuilder#cognitoIdentity()}.
     *
     * @return the action; {@code saveAs} saves the identity id, a {@code String}
     */
    public CognitoSyncActionBuilder getId() {
        return action(List.of(), new Operation() {
            @Override
            public reactor.core.publisher.Mono<?> send(CognitoSyncComponents components, String[] arguments) {
                return components.identities().getId(components.settings().identityPoolId(), Map.of());
            }

            @Override
            public void checkProtocol(CognitoSyncComponents components) {
                if (components.identities() == null) {
                    throw new IllegalStateException("cognitoSync(...).getId() needs the protocol's"
                            + " .cognitoIdentity()");
                }
            }
        });
    }

    private CognitoSyncActionBuilder action(List<String> arguments, Operation operation) {
        return new CognitoSyncActionBuilder(name, arguments.stream().map(CognitoSyncRequest::expression).toList(),
                operation, null);
    }

    private static scala.Function1<Session, Validation<String>> expression(String el) {
        return Expressions.toStringExpression(Objects.requireNonNull(el, "argument"));
    }

    private static DatasetRef dataset(CognitoSyncComponents components, String[] arguments) {
        return DatasetRef.of(components.settings().identityPoolId(), arguments[0], arguments[1]);
    }

    private static long syncCount(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("syncCount: must be a whole number, was \"" + text + "\"");
        }
    }

    private static Map<String, Long> syncCounts(List<Record> records) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Record record : records) {
            if (record.value() != null) {
                counts.put(record.key(), record.syncCount());
            }
        }
        return counts;
    }
}
