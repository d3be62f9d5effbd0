package dev.cogsync.reactor;

import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.retry.RetryPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds clients and writers against an emulator, and closes them all after a test. */
final class WriterFixture implements AutoCloseable {

    static final String POOL = "us-east-1:0f0e0d0c-0000-4000-8000-00000000c0a1";

    private final CognitoSyncEmulator emulator;
    private final List<CoalescingWriter> writers = new ArrayList<>();
    private final List<CognitoSyncClient> clients = new ArrayList<>();

    WriterFixture(CognitoSyncEmulator emulator) {
        this.emulator = emulator;
    }

    static DatasetRef dataset(int identity, String name) {
        return DatasetRef.of(POOL, String.format("us-east-1:%08x-0000-4000-8000-000000000000", identity), name);
    }

    CognitoSyncClient client(RetryPolicy policy) {
        CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().region(emulator.region())
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials()))
                .retryPolicy(policy).build());
        clients.add(client);
        return client;
    }

    CognitoSyncClient client() {
        return client(RetryPolicy.defaults());
    }

    CoalescingWriter writer(WriterOptions options) {
        return writer(client(), options);
    }

    CoalescingWriter writer(CognitoSyncClient client, WriterOptions options) {
        CoalescingWriter writer = CoalescingWriter.create(client, options);
        writers.add(writer);
        return writer;
    }

    CoalescingWriter writer() {
        return writer(WriterOptions.defaults());
    }

    @Override
    public void close() {
        writers.forEach(writer -> writer.close().block(Duration.ofSeconds(60)));
        clients.forEach(CognitoSyncClient::close);
    }
}
