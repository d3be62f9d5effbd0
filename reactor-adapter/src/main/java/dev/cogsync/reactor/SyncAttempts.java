package dev.cogsync.reactor;

import dev.cogsync.model.Dataset;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.reactor.internal.CallExecutor;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The writer's only way to the service: exactly one HTTP attempt per subscription, never retried here, because
 * the writer schedules every attempt itself. Production goes through the client's {@link CallExecutor} (signing,
 * the transport, typed errors); the deterministic tests script it.
 */
interface SyncAttempts {

    /**
     * One ListRecords attempt.
     *
     * @param request the page to read
     * @param attempts receives the server's {@code Retry-After} hint when the attempt fails
     * @return the page, or the typed failure
     */
    Mono<ListRecordsResponse> list(ListRecordsRequest request, CallExecutor.Attempts attempts);

    /**
     * One UpdateRecords attempt.
     *
     * @param request the request
     * @param patches the request's patches, so the response decodes without copying what was sent
     * @param attempts receives the server's {@code Retry-After} hint when the attempt fails
     * @return the records written, or the typed failure
     */
    Mono<UpdateRecordsResponse> update(UpdateRecordsRequest request, List<RecordPatch> patches,
                                       CallExecutor.Attempts attempts);

    /**
     * One DeleteDataset attempt.
     *
     * @param dataset the dataset
     * @param attempts receives the server's {@code Retry-After} hint when the attempt fails
     * @return the dataset as it was when deleted, or the typed failure
     */
    Mono<Dataset> delete(DatasetRef dataset, CallExecutor.Attempts attempts);

    /**
     * The attempts of a client, signed as its calls are (with each identity's credentials when it has them).
     *
     * @param client the client
     * @return attempts over the client's transport
     */
    static SyncAttempts of(CognitoSyncClient client) {
        CallExecutor executor = client.executor();
        return new SyncAttempts() {
            @Override
            public Mono<ListRecordsResponse> list(ListRecordsRequest request, CallExecutor.Attempts attempts) {
                return executor.attemptOnce(dev.cogsync.protocol.ListRecordsCodec.encodeRequest(request),
                        body -> dev.cogsync.protocol.ListRecordsCodec.decodeResponse(body, 0, body.length), attempts,
                        client.credentialsFor(request.dataset()));
            }

            @Override
            public Mono<UpdateRecordsResponse> update(UpdateRecordsRequest request, List<RecordPatch> patches,
                                                      CallExecutor.Attempts attempts) {
                return executor.attemptOnce(dev.cogsync.protocol.UpdateRecordsCodec.encodeRequest(request),
                        body -> dev.cogsync.protocol.UpdateRecordsCodec.decodeResponse(body, 0, body.length, patches),
                        attempts.patches(patches.size()), client.credentialsFor(request.dataset()));
            }

            @Override
            public Mono<Dataset> delete(DatasetRef dataset, CallExecutor.Attempts attempts) {
                return executor.attemptOnce(dev.cogsync.protocol.DatasetsCodec.deleteRequest(dataset),
                        dev.cogsync.protocol.DatasetsCodec::decodeDataset, attempts, client.credentialsFor(dataset));
            }
        };
    }
}
