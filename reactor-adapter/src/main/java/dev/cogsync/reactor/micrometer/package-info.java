/**
 * Micrometer meters for the client and the writer: {@link dev.cogsync.reactor.micrometer.CogsyncMeters}. Needs
 * {@code io.micrometer:micrometer-core} on the classpath, an optional dependency of this module: nothing here is
 * loaded unless it is used.
 */
package dev.cogsync.reactor.micrometer;
