package dev.cogsync.workload;

import dev.cogsync.emulator.junit.NettyLeakDetectionCanary;

/** Proves that paranoid leak detection is on for this module's tests: see {@link NettyLeakDetectionCanary}. */
class NettyLeakDetectionCanaryTest extends NettyLeakDetectionCanary {
}
