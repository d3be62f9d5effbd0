package dev.cogsync.emulator.junit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Collects the leaks Netty's {@link ResourceLeakDetector}s report, instead of only logging them, so a test run
 * can fail on them. Thread-safe: leaks are reported on whichever thread next allocates a tracked object.
 *
 * <p>Netty checks for leaks only when it tracks a new allocation, and only for objects the garbage collector
 * has already found unreachable. {@link #collect(Runnable)} therefore runs a few rounds of: a full GC, waiting
 * until the GC's reference processing has visibly happened (a sentinel weak reference is enqueued), then
 * tracked allocations that make every detector drain its queue.
 */
public final class NettyLeakCollector implements ResourceLeakDetector.LeakListener {

    private static final int ROUNDS = 3;
    private static final long SENTINEL_WAIT_MILLIS = 2_000;

    private final ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();

    /** Creates a collector that listens to nothing until {@link #attach} or {@link #installGlobally}. */
    public NettyLeakCollector() {
    }

    @Override
    public void onLeak(String resourceType, String records) {
        leaks.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected."
                + (records == null || records.isEmpty() ? "" : records));
    }

    /**
     * Listens to one detector.
     *
     * @param detector the detector
     */
    public void attach(ResourceLeakDetector<?> detector) {
        detector.setLeakListener(this);
    }

    /**
     * Listens to the detector of Netty's buffers, and to every detector created from now on.
     *
     * @throws IllegalStateException when Netty's buffer detector cannot be reached
     */
    public void installGlobally() {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ListeningFactory(this));
        // Buffers were possibly loaded (and their detector created) before the factory was replaced.
        try {
            Class<?> abstractByteBuf = Class.forName("io.netty.buffer.AbstractByteBuf");
            Field field = abstractByteBuf.getDeclaredField("leakDetector");
            field.setAccessible(true);
            attach((ResourceLeakDetector<?>) field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot listen to Netty's ByteBuf leak detector", e);
        }
    }

    /**
     * Leaks reported so far, removed from the collector.
     *
     * @return the leak reports, each with Netty's access records
     */
    public List<String> drain() {
        List<String> drained = new ArrayList<>();
        String leak;
        while ((leak = leaks.poll()) != null) {
            drained.add(leak);
        }
        return drained;
    }

    /**
     * Makes pending leaks visible, then drains them.
     *
     * @param trackedAllocation allocates and releases objects tracked by the detectors of interest
     * @return the leak reports
     */
    public List<String> collect(Runnable trackedAllocation) {
        for (int round = 0; round < ROUNDS; round++) {
            awaitGarbageCollection();
            trackedAllocation.run();
        }
        return drain();
    }

    /** Allocates and releases tracked buffers from Netty's usual allocators. */
    public static void allocateTrackedBuffers() {
        for (ByteBufAllocator allocator : new ByteBufAllocator[] {ByteBufAllocator.DEFAULT,
                PooledByteBufAllocator.DEFAULT, UnpooledByteBufAllocator.DEFAULT}) {
            ByteBuf heap = allocator.heapBuffer(1);
            heap.release();
            ByteBuf direct = allocator.directBuffer(1);
            direct.release();
        }
    }

    private static void awaitGarbageCollection() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SENTINEL_WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            System.gc();
            try {
                if (queue.remove(50) != null) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        sentinel.clear();
    }

    /** Creates Netty's default detectors, each reporting to the collector. */
    private static final class ListeningFactory extends ResourceLeakDetectorFactory {
        private final NettyLeakCollector collector;

        ListeningFactory(NettyLeakCollector collector) {
            this.collector = collector;
        }

        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                   long maxActive) {
            ResourceLeakDetector<T> detector = new ResourceLeakDetector<>(resource, samplingInterval, maxActive);
            collector.attach(detector);
            return detector;
        }

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
            ResourceLeakDetector<T> detector = new ResourceLeakDetector<>(resource, samplingInterval);
            collector.attach(detector);
            return detector;
        }
    }
}
