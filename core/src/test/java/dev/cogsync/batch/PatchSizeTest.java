package dev.cogsync.batch;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.protocol.UpdateRecordsCodec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatchSizeTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0000", "us-east-1:1111", "d");

    @Test
    void countsEscapesAndUtf8Bytes() {
        assertThat(PatchSize.escapedUtf8Length("abc")).isEqualTo(3);
        assertThat(PatchSize.escapedUtf8Length("a\"b\\")).isEqualTo(6);
        assertThat(PatchSize.escapedUtf8Length("\n")).isEqualTo(6);
        assertThat(PatchSize.escapedUtf8Length("é")).isEqualTo(2);
        assertThat(PatchSize.escapedUtf8Length("ሴ")).isEqualTo(3);
        assertThat(PatchSize.escapedUtf8Length("😀")).isEqualTo(4);
    }

    @Property(tries = 500)
    void neverUnderestimatesWhatAPatchAddsToARequestBody(@ForAll @StringLength(min = 1, max = 50) String key,
                                                         @ForAll @StringLength(max = 200) String value,
                                                         @ForAll boolean remove) {
        String wellFormedKey = new String(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8);
        String wellFormedValue = new String(value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8);
        RecordPatch patch = remove ? RecordPatch.remove(wellFormedKey, Long.MAX_VALUE)
                : RecordPatch.replace(wellFormedKey, wellFormedValue, Long.MAX_VALUE);
        int without = UpdateRecordsCodec.encodeBody(UpdateRecordsRequest.builder().dataset(DATASET)
                .syncSessionToken("t").addRecordPatch(RecordPatch.replace("z", "", 0)).build()).length;
        int with = UpdateRecordsCodec.encodeBody(UpdateRecordsRequest.builder().dataset(DATASET)
                .syncSessionToken("t").addRecordPatch(RecordPatch.replace("z", "", 0)).addRecordPatch(patch)
                .build()).length;

        assertThat(PatchSize.of(patch.key(), patch.value())).isGreaterThanOrEqualTo(with - without);
    }
}
