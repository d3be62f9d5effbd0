package dev.cogsync.workload;

import dev.cogsync.model.Constraints;
import dev.cogsync.model.DatasetRef;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the writers of a load test write, laid out once for every harness (the JMH drivers, the load command, the
 * SDK peer and the Gatling simulations), and decided before the run so that a writer does no work per patch beyond
 * sending it.
 *
 * <p><b>Datasets and identities.</b> A test has {@code datasets} datasets. When several injectors share the test,
 * each gets a contiguous share of them ({@link #datasets()}); the only injector gets them all. The datasets of an
 * injector fill identities of its own, 20 to an identity (the service's limit per identity), so that no two
 * injectors ever write the same identity: dataset {@code j} of injector {@code i} is {@code load-<first + j>} of
 * identity {@code i * I + j / 20}, where {@code first} is the injector's first dataset of the test and {@code I} is
 * the most identities any injector needs. Identity ids are synthetic ({@code <region>:0000000a-0000-4000-8000-...})
 * unless real ones are given, for example from Cognito Identity's {@code GetId}.
 *
 * <p><b>Writers and keys.</b> Writer {@code w} writes dataset {@code w mod N} of its injector's {@code N}. Within a
 * dataset the writers split the keys {@code key-0} ... {@code key-(K-1)}: writer slot {@code j} of {@code W} writes
 * the keys {@code k} with {@code k mod W == j} in turn, so no two writers share a key while there are at least as
 * many keys as writers per dataset. With fewer keys, writer {@code j} writes key {@code j mod K} alone and shares it
 * with the others of that residue: that is how to ask for contention. With {@code K = ceil(writers / datasets)} every
 * writer owns exactly one key, which is what the JMH benchmarks use.
 *
 * <p><b>Values.</b> They come from a pool of pre-generated ASCII strings of {@code valueBytes} characters, and each
 * writer steps through the pool, so consecutive writes of a key change its value.
 *
 * <p>Immutable and thread-safe; {@link #cursor(int) cursors} are not.
 */
public final class Workload {

    /** The service's limit of datasets per identity. */
    public static final int DATASETS_PER_IDENTITY = Constraints.MAX_DATASETS_PER_IDENTITY;
    /** The service's limit of records per dataset. */
    public static final int MAX_KEYS = Constraints.MAX_RECORDS_PER_DATASET;
    /** The service's limit of UTF-8 bytes of keys and values per dataset. */
    public static final long MAX_DATASET_BYTES = Constraints.MAX_DATASET_BYTES;
    /** The identity pool of every workload that names none. */
    public static final String DEFAULT_IDENTITY_POOL_ID = "us-east-1:c0651ec0-0000-4000-8000-000000000000";

    private static final long VALUE_POOL_BYTES = 32L << 20;
    private static final int MAX_VALUE_POOL = 64;
    private static final String VALUE_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String identityPoolId;
    private final int writers;
    private final int totalDatasets;
    private final Injector injector;
    private final int firstDataset;
    private final List<DatasetRef> datasets;
    private final String[] keys;
    private final String[] values;

    private Workload(Builder builder, int firstDataset, List<DatasetRef> datasets, String[] keys, String[] values) {
        this.identityPoolId = builder.identityPoolId;
        this.writers = builder.writers;
        this.totalDatasets = builder.datasets;
        this.injector = builder.injector;
        this.firstDataset = firstDataset;
        this.datasets = datasets;
        this.keys = keys;
        this.values = values;
    }

    /** @return a builder, with one writer on one dataset of one key, 32-byte values, and the only injector */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many datasets injector {@code index} of {@code count} gets out of a test's {@code datasets}: an even share,
     * the first {@code datasets mod count} injectors one more.
     *
     * @param datasets the test's datasets
     * @param injector the injector
     * @return its share
     */
    public static int shareOf(int datasets, Injector injector) {
        return datasets / injector.count() + (injector.index() < datasets % injector.count() ? 1 : 0);
    }

    /**
     * How many identities an injector's datasets span.
     *
     * @param datasets the injector's datasets
     * @return {@code ceil(datasets / 20)}
     */
    public static int identitiesFor(int datasets) {
        return (datasets + DATASETS_PER_IDENTITY - 1) / DATASETS_PER_IDENTITY;
    }

    /**
     * The name of key {@code index} of every dataset.
     *
     * @param index from 0
     * @return {@code key-<index>}
     */
    public static String key(int index) {
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
    public static long datasetBytes(int keys, int valueBytes) {
        long total = 0;
        for (int k = 0; k < keys; k++) {
            total += key(k).length() + (long) valueBytes;
        }
        return total;
    }

    /**
     * A synthetic identity id in the pool's region: the pool id's prefix, then a UUID-shaped hex number that ends
     * as the pool's UUID does, so that the identities of two pools never coincide (identity ids are unique across
     * pools in the service, and the emulator keeps datasets by identity).
     *
     * @param identityPoolId the identity pool, {@code <region>:<uuid>}
     * @param identity from 0
     * @return for example {@code us-east-1:00000001-0000-4000-8000-000000000000} for a pool ending in twelve 0s
     */
    public static String identityId(String identityPoolId, int identity) {
        int colon = identityPoolId.indexOf(':');
        String prefix = colon < 0 ? identityPoolId : identityPoolId.substring(0, colon);
        String tail = identityPoolId.length() >= 12 ? identityPoolId.substring(identityPoolId.length() - 12) : "";
        if (!tail.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            tail = "000000000000";
        }
        return prefix + ":" + String.format("%08x-0000-4000-8000-", identity) + tail;
    }

    /**
     * Dataset {@code index} of a test with one injector and synthetic identities.
     *
     * @param identityPoolId the identity pool
     * @param index from 0
     * @return {@code load-<index>} of identity {@code index / 20}
     * @throws dev.cogsync.exception.ValidationException when the pool id cannot name it
     */
    public static DatasetRef dataset(String identityPoolId, int index) {
        return DatasetRef.of(identityPoolId, identityId(identityPoolId, index / DATASETS_PER_IDENTITY),
                "load-" + index);
    }

    /** @return the identity pool of every dataset */
    public String identityPoolId() {
        return identityPoolId;
    }

    /** @return this injector's datasets, in order; writer {@code w} writes number {@code w mod size} */
    public List<DatasetRef> datasets() {
        return datasets;
    }

    /** @return the test's datasets, over every injector */
    public int totalDatasets() {
        return totalDatasets;
    }

    /** @return this injector's first dataset in the test's numbering: its datasets are {@code load-<first + j>} */
    public int firstDataset() {
        return firstDataset;
    }

    /** @return the injector whose share this is */
    public Injector injector() {
        return injector;
    }

    /** @return the number of writers of this injector */
    public int writers() {
        return writers;
    }

    /** @return keys per dataset */
    public int keys() {
        return keys.length;
    }

    /** @return the size of every value */
    public int valueBytes() {
        return values[0].length();
    }

    /**
     * The dataset a writer writes.
     *
     * @param writer from 0
     * @return dataset {@code writer mod N} of this injector
     */
    public DatasetRef datasetOf(int writer) {
        return datasets.get(Math.floorMod(writer, datasets.size()));
    }

    /**
     * The keys a writer writes, in the order it writes them.
     *
     * @param writer from 0; writers beyond {@link #writers()} share the keys of writer {@code writer mod writers}
     * @return the key indexes; never empty
     */
    public int[] keysOf(int writer) {
        int w = Math.floorMod(writer, writers);
        int datasetCount = datasets.size();
        int dataset = w % datasetCount;
        int slot = w / datasetCount;
        int writersOfDataset = writers / datasetCount + (dataset < writers % datasetCount ? 1 : 0);
        int stride = Math.max(1, Math.min(writersOfDataset, keys.length));
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
    public WriterCursor cursor(int writer) {
        int[] own = keysOf(writer);
        String[] ownKeys = new String[own.length];
        for (int i = 0; i < own.length; i++) {
            ownKeys[i] = keys[own[i]];
        }
        return new WriterCursor(datasetOf(writer), ownKeys, values, Math.floorMod(writer, values.length));
    }

    /** @return {@code 256 writers, 4 datasets (injector 0 of 1), 64 keys each, 64-byte values}, for people */
    @Override
    public String toString() {
        return writers + " writers, " + datasets.size() + " datasets (" + injector + "), " + keys.length
                + " keys each, " + valueBytes() + "-byte values";
    }

    /** Builds a {@link Workload}; every setting is checked by {@link #build()}. */
    public static final class Builder {
        private String identityPoolId = DEFAULT_IDENTITY_POOL_ID;
        private int writers = 1;
        private int datasets = 1;
        private int keys = 1;
        private int valueBytes = 32;
        private Injector injector = Injector.SOLE;
        private List<String> identities;

        private Builder() {
        }

        /**
         * @param identityPoolId the pool of every dataset, {@code <region>:<uuid>}
         * @return this builder
         */
        public Builder identityPoolId(String identityPoolId) {
            this.identityPoolId = identityPoolId;
            return this;
        }

        /**
         * @param writers this injector's concurrent writers, at least 1
         * @return this builder
         */
        public Builder writers(int writers) {
            this.writers = writers;
            return this;
        }

        /**
         * @param datasets the test's datasets, over every injector: at least one per injector
         * @return this builder
         */
        public Builder datasets(int datasets) {
            this.datasets = datasets;
            return this;
        }

        /**
         * @param keys keys per dataset, from 1 to the service's 1,024
         * @return this builder
         */
        public Builder keys(int keys) {
            this.keys = keys;
            return this;
        }

        /**
         * Gives each writer a key of its own in its dataset: {@code ceil(writers / share)} keys per dataset, where
         * the share is this injector's datasets. Set the writers, datasets and injector first.
         *
         * @return this builder
         */
        public Builder keyPerWriter() {
            int share = Math.max(1, shareOf(Math.max(1, datasets), injector));
            this.keys = Math.max(1, (writers + share - 1) / share);
            return this;
        }

        /**
         * @param valueBytes the size of every value, at least 1
         * @return this builder
         */
        public Builder valueBytes(int valueBytes) {
            this.valueBytes = valueBytes;
            return this;
        }

        /**
         * @param injector which of several injectors this share is for; {@link Injector#SOLE} by default
         * @return this builder
         */
        public Builder injector(Injector injector) {
            this.injector = injector;
            return this;
        }

        /**
         * Puts the datasets on identities that exist already, for example ones that Cognito Identity's
         * {@code GetId} created: identity {@code i} of the list holds this injector's datasets {@code 20 i} to
         * {@code 20 i + 19}. The list must be this injector's own.
         *
         * @param identities the identity ids, at least {@link #identitiesFor(int)} of this injector's share;
         *     {@code null} for synthetic ones
         * @return this builder
         */
        public Builder identities(List<String> identities) {
            this.identities = identities == null ? null : List.copyOf(identities);
            return this;
        }

        /**
         * Lays the workload out.
         *
         * @return the workload
         * @throws UsageException naming the setting that is out of range
         * @throws dev.cogsync.exception.ValidationException when the identity pool id cannot name the datasets
         */
        public Workload build() {
            if (writers < 1) {
                throw new UsageException("writers: must be at least 1, was " + writers);
            }
            if (datasets < injector.count()) {
                throw new UsageException("datasets: must be at least one per injector (" + injector.count()
                        + "), was " + datasets);
            }
            if (keys < 1 || keys > MAX_KEYS) {
                throw new UsageException("keys: must be from 1 to " + MAX_KEYS + " (the service's limit of records"
                        + " per dataset), was " + keys);
            }
            if (valueBytes < 1) {
                throw new UsageException("valueBytes: must be at least 1, was " + valueBytes);
            }
            int share = shareOf(datasets, injector);
            int first = injector.index() * (datasets / injector.count())
                    + Math.min(injector.index(), datasets % injector.count());
            int identityBase = injector.index() * identitiesFor(shareOf(datasets, new Injector(0, injector.count())));
            if (identities != null && identities.size() < identitiesFor(share)) {
                throw new UsageException("identities: " + share + " datasets need " + identitiesFor(share)
                        + " identities, 20 to an identity; " + identities.size() + " were given");
            }
            List<DatasetRef> layout = new ArrayList<>(share);
            for (int j = 0; j < share; j++) {
                String identity = identities != null ? identities.get(j / DATASETS_PER_IDENTITY)
                        : identityId(identityPoolId, identityBase + j / DATASETS_PER_IDENTITY);
                layout.add(DatasetRef.of(identityPoolId, identity, "load-" + (first + j)));
            }
            String[] keyNames = new String[keys];
            for (int k = 0; k < keyNames.length; k++) {
                keyNames[k] = key(k);
            }
            long poolSize = VALUE_POOL_BYTES / valueBytes;
            String[] valuePool = new String[(int) Math.max(2, Math.min(MAX_VALUE_POOL, poolSize))];
            SplittableRandom random = new SplittableRandom(0x10ad);
            for (int v = 0; v < valuePool.length; v++) {
                char[] chars = new char[valueBytes];
                for (int c = 0; c < chars.length; c++) {
                    chars[c] = VALUE_CHARACTERS.charAt(random.nextInt(VALUE_CHARACTERS.length()));
                }
                valuePool[v] = new String(chars);
            }
            return new Workload(this, first, List.copyOf(layout), keyNames, valuePool);
        }
    }
}
