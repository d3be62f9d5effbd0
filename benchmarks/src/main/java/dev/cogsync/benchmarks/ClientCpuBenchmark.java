package dev.cogsync.benchmarks;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.auth.SignedRequest;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.UpdateRecordsCodec;
import dev.cogsync.protocol.WireRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The client's CPU work per request, without any I/O: encoding the UpdateRecords request, signing it, and
 * decoding the response, for requests of 1 and of 100 patches. Divided by {@code batch}, that is the cost per
 * patch; with {@code -prof gc}, {@code gc.alloc.rate.norm} divided by {@code batch} is the allocation per patch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClientCpuBenchmark {

    /** Patches per request. */
    @Param({"1", "100"})
    public int batch;

    private final SigV4Signer signer = SigV4Signer.create("us-east-1", "cognito-sync");
    private final AwsCredentials credentials = AwsCredentials.of("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private final List<HttpHeader> host = List.of(new HttpHeader("Host", "cognito-sync.us-east-1.amazonaws.com"));
    private final Instant now = Instant.parse("2026-11-21T12:00:00Z");
    private UpdateRecordsRequest request;
    private WireRequest wire;
    private byte[] response;

    /** Builds a request and the response the service would send for it. */
    @Setup(Level.Trial)
    public void build() {
        DatasetRef dataset = DatasetRef.of("us-east-1:0b0e0c0d-0000-4000-8000-00000000be9c",
                "us-east-1:00000000-0000-4000-8000-000000000000", "bench-0");
        List<RecordPatch> patches = new ArrayList<>(batch);
        List<Record> records = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            patches.add(RecordPatch.replace("key-" + i, "v".repeat(Drivers.VALUE_BYTES), 41));
            records.add(new Record("key-" + i, "v".repeat(Drivers.VALUE_BYTES), 42,
                    Instant.ofEpochSecond(1763726400, 123_000_000), "dev-1", null));
        }
        request = UpdateRecordsRequest.builder().dataset(dataset).syncSessionToken("x".repeat(180))
                .recordPatches(patches).build();
        wire = UpdateRecordsCodec.encodeRequest(request).withHeaders(host);
        response = UpdateRecordsCodec.encodeResponse(new UpdateRecordsResponse(records));
    }

    /** @return the encoded request */
    @Benchmark
    public WireRequest encode() {
        return UpdateRecordsCodec.encodeRequest(request);
    }

    /** @return the signed request */
    @Benchmark
    public SignedRequest sign() {
        return signer.sign(wire, credentials, now);
    }

    /** @return the decoded response */
    @Benchmark
    public UpdateRecordsResponse decode() {
        return UpdateRecordsCodec.decodeResponse(response, 0, response.length);
    }

    /** @return a request's whole CPU path: encode, sign, decode the response */
    @Benchmark
    public UpdateRecordsResponse encodeSignDecode() {
        WireRequest encoded = UpdateRecordsCodec.encodeRequest(request).withHeaders(host);
        signer.sign(encoded, credentials, now);
        return UpdateRecordsCodec.decodeResponse(response, 0, response.length);
    }
}
