package dev.cogsync.reactor;

import dev.cogsync.emulator.junit.BlockHoundCanary;

/** Proves that BlockHound is on for this module's tests: see {@link BlockHoundCanary}. */
class BlockHoundCanaryTest extends BlockHoundCanary {
}
