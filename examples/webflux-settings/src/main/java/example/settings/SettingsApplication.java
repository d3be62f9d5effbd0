package example.settings;

import dev.cogsync.emulator.spring.EmbeddedEmulatorInitializer;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Users' settings over HTTP, one Cognito Sync dataset per user and settings group. */
@SpringBootApplication
@RestController
@RequestMapping("/users/{identityId}/datasets/{dataset}/records")
public class SettingsApplication {

    private final CoalescingWriter writer;
    private final CognitoSyncClient client;
    private final String poolId;

    SettingsApplication(CoalescingWriter writer, CognitoSyncClient client,
                        @Value("${cogsync.identity-pool-id}") String poolId) {
        this.writer = writer;
        this.client = client;
        this.poolId = poolId;
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(SettingsApplication.class).initializers(new EmbeddedEmulatorInitializer()).run(args);
    }

    record Entry(String key, String value, long syncCount) {
        static Entry of(Record record) {
            return new Entry(record.key(), record.value(), record.syncCount());
        }
    }

    @PutMapping("/{key}")
    Mono<Entry> put(@PathVariable("identityId") String identityId, @PathVariable("dataset") String dataset,
                    @PathVariable("key") String key, @RequestBody String value) {
        return writer.put(DatasetRef.of(poolId, identityId, dataset), key, value).map(Entry::of);
    }

    @GetMapping
    Flux<Entry> list(@PathVariable("identityId") String identityId, @PathVariable("dataset") String dataset) {
        return client.listLiveRecords(ListRecordsRequest.of(DatasetRef.of(poolId, identityId, dataset))).map(Entry::of);
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable("identityId") String identityId, @PathVariable("dataset") String dataset,
                      @PathVariable("key") String key) {
        return writer.remove(DatasetRef.of(poolId, identityId, dataset), key).then();
    }
}
