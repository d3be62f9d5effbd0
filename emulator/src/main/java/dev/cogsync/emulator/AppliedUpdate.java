package dev.cogsync.emulator;

import dev.cogsync.model.RecordPatch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One UpdateRecords the emulator applied, kept when {@link EmulatorConfig#recordHistory()} is on: the dataset
 * sync count it produced and the patches it carried, in request order.
 *
 * @param syncCount the dataset's sync count after the update; every record it wrote has this count
 * @param appliedAt when it was applied, by the emulator's clock
 * @param patches the patches, as received
 */
public record AppliedUpdate(long syncCount, Instant appliedAt, List<RecordPatch> patches) {

    /**
     * Copies the patch list.
     *
     * @param syncCount the dataset's sync count after the update; every record it wrote has this count
     * @param appliedAt when it was applied, by the emulator's clock
     * @param patches the patches, as received
     */
    public AppliedUpdate {
        Objects.requireNonNull(appliedAt, "appliedAt");
        patches = List.copyOf(patches);
    }
}
