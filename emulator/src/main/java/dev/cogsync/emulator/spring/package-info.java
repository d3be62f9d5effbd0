/**
 * Spring test support: {@link dev.cogsync.emulator.spring.AutoConfigureCogsyncEmulator} gives a test context a
 * running emulator wired into the cogsync starter. Needs {@code spring-test} and {@code spring-context}, optional
 * dependencies of this module that every Spring test already has.
 */
package dev.cogsync.emulator.spring;
