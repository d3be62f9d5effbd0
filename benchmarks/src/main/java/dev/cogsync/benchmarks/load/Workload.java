package dev.cogsync.benchmarks.load;

import dev.cogsync.model.Constraints;
import dev.cogsync.model.DatasetRef;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the writers write, decided before the run so that the driver does no work per patch beyond sending it.
 *
 * <p>Datasets {@code load-0} ... {@code load-(N-1)} belong to identities of 20 datasets each (the service's limit
 * per identity). Writer {@code w} writes dataset {@code w mod N}. Within a dataset the writers split the keys
 * {@code key-0} ... {@code key-(K-1)}: writer slot {@code j} of {@code W} writes the keys {@code k} with
 * {@code k mod W == j} in turn, so no two writers share a key while there are at least as many keys as writers
 * per dataset. With fewer keys, writer {@code j} writes key {@code j mod K} alone and shares it with the others of
 * that residue: that is how to ask for contention. Values come from a pool of pre-generated ASCII strings, and
 * each writer steps through the pool, so consecutive writes of a key change its value.
 */
final class Workload {

    /** The service's limit of datasets per identity. */
    static final int DATASETS_PER_IDENTITY = Constraints.MAX_DATASETS_PER_IDENTITY;
    /** The service's limit of records per dataset. */
    static final int MAX_KEYS = Constraints.MAX_RECORDS_PER_DATASET;
    /** The service's limit of UTF-8 bytes of keys and values per dataset. */
    static final long MAX_DATASET_BYTES = Constraints.MAX_DATASET_BYTES;

    private static final long VALUE_POOL_BYTES = 32L << 20;
    private static final int MAX_VALUE_POOL = 64;
    private static final String VALUE_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final int writers;
    private final List<DatasetRef> datasets;
    private final String[] keys;
    private final String[] values;

    private Workload(int writers, List<DatasetRef> datasets, String[] keys, String[] values) {
        this.writers = writers;
        this.datasets = datasets;
        this.keys = keys;
        this.values = values;
    }

    /**
     * Lays out the datasets, keys and values of a run.
     *
     * @param options the run's options
     * @return the workload
     * @throws dev.cogsync.exception.ValidationException when the identity pool id cannot name the datasets
     */
    static Workload create(LoadOptions options) {
        return create(options, null);
    }

    /**
     * Lays out a run over identities that exist already, for example ones that Cognito Identity's {@code GetId}
     * created: identity {@code i} holds datasets {@code 20 i} to {@code 20 i + 19}.
     *
     * @param options the run's options
     * @param identities the identity ids, at least one per 20 datasets; {@code null} for synthetic ones
     * @return the workload
     */
    static Workload create(LoadOptions options, List<String> identities) {
        List<DatasetRef> datasets = new ArrayList<>(options.datasets());
        for (int d = 0; d < options.datasets(); d++) {
            datasets.add(identities == null ? dataset(options.identityPoolId(), d)
                    : DatasetRef.of(options.identityPoolId(), identities.get(d / DATASETS_PER_IDENTITY), "load-" + d));
        }
        String[] keys = new String[options.keys()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = key(k);
        }
        long poolSize = VALUE_POOL_BYTES / Math.max(1, options.valueBytes());
        String[] values = new String[(int) Math.max(2, Math.min(MAX_VALUE_POOL, poolSize))];
        SplittableRandom random = new SplittableRandom(0x10ad);
        for (int v = 0; v < values.length; v++) {
            char[] chars = new char[options.valueBytes()];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = VALUE_CHARACTERS.charAt(random.nextInt(VALUE_CHARACTERS.length()));
            }
            values[v] = new String(chars);
        }
        return new Workload(options.writers(), List.copyOf(datasets), keys, values);
    }

    /**
     * The name of key {@code index} of every dataset.
     *
     * @param index from 0
     * @return {@code key-<index>}
     */
    static String key(int index) {
        return "key-" + index;
    }

    /**
     * What a dataset holds once every key has a value: the UTF-8 bytes of the keys plus the values, as the service
     * counts them against its 1 MiB.
     *
     * @param keys keys per dataset
     * @param valueBytes the size of each value
     * @return the bytes
     */
    static long datasetBytes(int keys, int valueBytes) {
        long total = 0;
        for (int k = 0; k < keys; k++) {
            total += key(k).length() + (long) valueBytes;
        }
        return total;
    }

    /**
     * Dataset {@code index} of a run.
     *
     * @param identityPoolId the identity pool
     * @param index from 0
     * @return {@code load-<index>} of identity {@code index / 20}
     * @throws dev.cogsync.exception.ValidationException when the pool id cannot name it
     */
    static DatasetRef dataset(String identityPoolId, int index) {
        return DatasetRef.of(identityPoolId, identityId(identityPoolId, index / DATASETS_PER_IDENTITY),
                "load-" + index);
    }

    /**
     * A synthetic identity id in the pool's region: the pool id's prefix, then a UUID-shaped hex number.
     *
     * @param identityPoolId the identity pool, {@code <region>:<uuid>}
     * @param identity from 0
     * @return for example {@code us-east-1:00000001-0000-4000-8000-000000000000}
     */
    static String identityId(String identityPoolId, int identity) {
        int colon = identityPoolId.indexOf(':');
        String prefix = colon < 0 ? identityPoolId : identityPoolId.substring(0, colon);
        return prefix + ":" + String.format("%08x-0000-4000-8000-000000000000", identity);
    }

    /** @return the datasets, in order */
    List<DatasetRef> datasets() {
        return datasets;
    }

    /** @return the number of writers */
    int writers() {
        return writers;
    }

    /**
     * The keys a writer writes, in the order it writes them.
     *
     * @param writer from 0
     * @return the key indexes; never empty
     */
    int[] keysOf(int writer) {
        int datasetCount = datasets.size();
        int dataset = writer % datasetCount;
        int slot = writer / datasetCount;
        int writersOfDataset = writers / datasetCount + (dataset < writers % datasetCount ? 1 : 0);
        int stride = Math.min(writersOfDataset, keys.length);
        int first = slot % stride;
        int[] own = new int[(keys.length - first + stride - 1) / stride];
        for (int i = 0; i < own.length; i++) {
            own[i] = first + i * stride;
        }
        return own;
    }

    /**
     * A writer's cursor over its dataset, keys and values.
     *
     * @param writer from 0
     * @return a new cursor at the writer's first patch
     */
    WriterCursor cursor(int writer) {
        int[] own = keysOf(writer);
        String[] ownKeys = new String[own.length];
        for (int i = 0; i < own.length; i++) {
            ownKeys[i] = keys[own[i]];
        }
        return new WriterCursor(datasets.get(writer % datasets.size()), ownKeys, values, writer % values.length);
    }
}
