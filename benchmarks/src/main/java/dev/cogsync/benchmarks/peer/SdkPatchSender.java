package dev.cogsync.benchmarks.peer;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.PatchSender;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsRequest;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The peer: what a Java user writes today with the AWS SDK for Java v2's {@code CognitoSyncAsyncClient}, in the
 * mode of {@link PatchMode#PLAIN}. One UpdateRecords per patch, carrying the dataset's session token from one
 * ListRecords (every page) and the sync count that the key's last write returned; after a conflict, list again and
 * retry, up to {@link PatchMode#MAX_CONFLICT_RETRIES} times. One listing at a time per dataset, which the writes
 * waiting for it share, merged into what is known (the higher count of each key wins).
 *
 * <p>It uses only the SDK (and Reactor's {@code Mono}, to be a {@link PatchSender}), so it runs on whichever async
 * HTTP client is on the classpath: the CRT client in the JMH run, the SDK's Netty client in a JVM of its own
 * ({@code separate-jvms.sh}), since that one does not run on Netty 4.2 (aws/aws-sdk-java-v2#6757).
 */
public final class SdkPatchSender implements PatchSender {

    private final CognitoSyncAsyncClient sdk;
    private final Map<DatasetRef, Listing> datasets = new ConcurrentHashMap<>();

    /**
     * Creates the sender.
     *
     * @param sdk the SDK client; its owner closes it
     */
    public SdkPatchSender(CognitoSyncAsyncClient sdk) {
        this.sdk = sdk;
    }

    /**
     * What is known of a dataset for as long as the sender lives: a session token and the last count of each key,
     * merged (the higher count wins) from listings and writes, and the listing under way, which writes share.
     */
    private static final class Listing {
        volatile String sessionToken;
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        final AtomicReference<CompletableFuture<Listing>> listing = new AtomicReference<>();
    }

    @Override
    public Mono<Long> put(DatasetRef dataset, String key, String value) {
        return Mono.fromFuture(() -> write(dataset, key, value, Operation.REPLACE, 0));
    }

    @Override
    public Mono<Long> remove(DatasetRef dataset, String key) {
        return Mono.fromFuture(() -> write(dataset, key, null, Operation.REMOVE, 0));
    }

    @Override
    public Mono<Long> submit(DatasetRef dataset, dev.cogsync.model.RecordPatch patch) {
        return Mono.fromFuture(() -> list(dataset, datasets.computeIfAbsent(dataset, d -> new Listing()))
                .thenCompose(l -> sdk.updateRecords(
                        UpdateRecordsRequest.builder()
                                .identityPoolId(dataset.identityPoolId())
                                .identityId(dataset.identityId())
                                .datasetName(dataset.datasetName())
                                .syncSessionToken(l.sessionToken)
                                .recordPatches(RecordPatch.builder().op(patch.op().wireName()).key(patch.key()).value(patch.value())
                                        .syncCount(patch.syncCount()).build())
                                .build()))
                .thenApply(response -> response.records().get(0).syncCount()));
    }

    private CompletableFuture<Long> write(DatasetRef dataset, String key, String value, Operation op, int retries) {
        Listing known = datasets.computeIfAbsent(dataset, d -> new Listing());
        CompletableFuture<Listing> listing = known.sessionToken != null && retries == 0
                ? CompletableFuture.completedFuture(known) : list(dataset, known);
        return listing.thenCompose(l -> sdk.updateRecords(UpdateRecordsRequest.builder()
                                .identityPoolId(dataset.identityPoolId())
                                .identityId(dataset.identityId())
                                .datasetName(dataset.datasetName())
                                .syncSessionToken(l.sessionToken)
                                .recordPatches(RecordPatch.builder().op(op).key(key).value(value)
                                        .syncCount(l.counts.getOrDefault(key, 0L)).build())
                                .build())
                        .thenApply(response -> {
                            long count = response.records().get(0).syncCount();
                            l.counts.merge(key, count, Math::max);
                            return count;
                        }))
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof ResourceConflictException && retries < PatchMode.MAX_CONFLICT_RETRIES) {
                        return write(dataset, key, value, op, retries + 1);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /** Lists the dataset (every page) into what is known of it, or joins the listing already under way. */
    private CompletableFuture<Listing> list(DatasetRef dataset, Listing into) {
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        CompletableFuture<Listing> underWay = into.listing.compareAndExchange(null, mine);
        if (underWay != null) {
            return underWay;
        }
        page(dataset, into, null).whenComplete((listing, error) -> {
            into.listing.compareAndSet(mine, null);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(listing);
            }
        });
        return mine;
    }

    private CompletableFuture<Listing> page(DatasetRef dataset, Listing into, String nextToken) {
        return sdk.listRecords(ListRecordsRequest.builder()
                        .identityPoolId(dataset.identityPoolId())
                        .identityId(dataset.identityId())
                        .datasetName(dataset.datasetName())
                        .nextToken(nextToken)
                        .build())
                .thenCompose(page -> {
                    add(into, page);
                    return page.nextToken() != null ? page(dataset, into, page.nextToken())
                            : CompletableFuture.completedFuture(into);
                });
    }

    private static void add(Listing into, ListRecordsResponse page) {
        if (page.syncSessionToken() != null) {
            into.sessionToken = page.syncSessionToken();
        }
        for (Record record : page.records()) {
            into.counts.merge(record.key(), record.syncCount(), Math::max);
        }
    }

    @Override
    public Mono<Void> close() {
        // Nothing of its own: the SDK client is closed by its owner.
        return Mono.empty();
    }
}
