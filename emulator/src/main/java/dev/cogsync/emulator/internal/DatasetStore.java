package dev.cogsync.emulator.internal;

import dev.cogsync.model.Dataset;
import dev.cogsync.emulator.DatasetSnapshot;
import dev.cogsync.model.DatasetRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every identity's datasets. Lookups are lock-free; each dataset guards itself. {@link #clear()} swaps in an
 * empty map, so a request already running finishes against the state it started with.
 */
final class DatasetStore {

    private volatile ConcurrentHashMap<IdentityKey, IdentityDatasets> identities = new ConcurrentHashMap<>();
    private final boolean recordHistory;

    DatasetStore(boolean recordHistory) {
        this.recordHistory = recordHistory;
    }

    /** The dataset's state, or {@code null} when it was never written. */
    DatasetState find(DatasetRef dataset) {
        IdentityDatasets owner = identities.get(new IdentityKey(dataset.identityPoolId(), dataset.identityId()));
        return owner == null ? null : owner.datasets.get(dataset.datasetName());
    }

    /** The dataset's state, created empty (and not yet existing) when needed. */
    DatasetState findOrCreate(DatasetRef dataset) {
        IdentityKey key = new IdentityKey(dataset.identityPoolId(), dataset.identityId());
        ConcurrentHashMap<IdentityKey, IdentityDatasets> map = identities;
        IdentityDatasets owner = map.get(key);
        if (owner == null) {
            owner = map.computeIfAbsent(key, k -> new IdentityDatasets(k.identityPoolId(), k.identityId()));
        }
        DatasetState state = owner.datasets.get(dataset.datasetName());
        if (state == null) {
            IdentityDatasets finalOwner = owner;
            state = owner.datasets.computeIfAbsent(dataset.datasetName(), name -> new DatasetState(finalOwner, name,
                    recordHistory));
        }
        return state;
    }

    /** The existing datasets of one identity, ordered by name. */
    List<Dataset> list(String identityPoolId, String identityId) {
        IdentityDatasets owner = identities.get(new IdentityKey(identityPoolId, identityId));
        if (owner == null) {
            return List.of();
        }
        List<Dataset> datasets = new ArrayList<>();
        for (DatasetState state : owner.datasets.values()) {
            Dataset summary = state.describe();
            if (summary != null) {
                datasets.add(summary);
            }
        }
        datasets.sort(Comparator.comparing(Dataset::datasetName));
        return datasets;
    }

    /** A snapshot of every existing dataset, ordered by pool, identity and name. */
    List<DatasetSnapshot> snapshots() {
        List<DatasetSnapshot> snapshots = new ArrayList<>();
        for (IdentityDatasets owner : identities.values()) {
            for (DatasetState state : owner.datasets.values()) {
                DatasetSnapshot snapshot = state.snapshot();
                if (snapshot != null) {
                    snapshots.add(snapshot);
                }
            }
        }
        snapshots.sort(Comparator.comparing((DatasetSnapshot s) -> s.dataset().identityPoolId())
                .thenComparing(s -> s.dataset().identityId())
                .thenComparing(s -> s.dataset().datasetName()));
        return snapshots;
    }

    void clear() {
        identities = new ConcurrentHashMap<>();
    }

    /** An identity within its pool. */
    private record IdentityKey(String identityPoolId, String identityId) {
    }
}
