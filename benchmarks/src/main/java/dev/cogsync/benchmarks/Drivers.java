package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.CeilingDriver;
import dev.cogsync.benchmarks.drivers.Driver;
import dev.cogsync.benchmarks.drivers.SenderDriver;
import dev.cogsync.benchmarks.peer.SdkPatchSender;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.PatchSender;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;

/**
 * Creates drivers by the names the benchmarks' parameters use: {@code managed} ({@link PatchMode#COALESCED}),
 * {@code explicit}, {@code plain}, {@code peer} (the AWS SDK for Java v2, in the mode of {@code plain}) and
 * {@code ceiling}.
 */
final class Drivers {

    /** Every value is this many bytes: a small record, typical of game state and settings. */
    static final int VALUE_BYTES = SenderDriver.VALUE_BYTES;

    private Drivers() {
    }

    static Driver create(String name, CognitoSyncEmulator emulator, int datasets) {
        return switch (name) {
            case "managed" -> SenderDriver.cogsync(PatchMode.COALESCED, emulator, datasets);
            case "explicit" -> SenderDriver.cogsync(PatchMode.EXPLICIT, emulator, datasets);
            case "plain" -> SenderDriver.cogsync(PatchMode.PLAIN, emulator, datasets);
            case "peer" -> new SenderDriver(datasets, peer(emulator));
            case "ceiling" -> new CeilingDriver(emulator, VALUE_BYTES, 1);
            default -> throw new IllegalArgumentException("driver: unknown " + name);
        };
    }

    /**
     * The AWS SDK for Java v2's {@code CognitoSyncAsyncClient} on its CRT-based async HTTP client, one connection
     * per writer like the plain cogsync client: the SDK's Netty client does not run on Netty 4.2, which cogsync and
     * the emulator use (aws/aws-sdk-java-v2#6757). {@code separate-jvms.sh} runs the SDK with its Netty client in a
     * JVM of its own.
     */
    private static SenderDriver.Senders peer(CognitoSyncEmulator emulator) {
        return new SenderDriver.Senders() {
            private SdkAsyncHttpClient http;
            private CognitoSyncAsyncClient sdk;

            @Override
            public PatchSender open(int writers) {
                http = AwsCrtAsyncHttpClient.builder().maxConcurrency(Math.max(16, writers)).build();
                sdk = CognitoSyncAsyncClient.builder()
                        .region(Region.of(emulator.region()))
                        .endpointOverride(emulator.endpoint())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                emulator.credentials().accessKeyId(), emulator.credentials().secretAccessKey())))
                        .httpClient(http)
                        .build();
                return new SdkPatchSender(sdk);
            }

            @Override
            public void close() {
                if (sdk != null) {
                    sdk.close();
                }
                if (http != null) {
                    http.close();
                }
            }
        };
    }
}
