package dev.cogsync.emulator.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context (a {@code @SpringBootTest}, for example) a running Cognito Sync emulator, wired into
 * the cogsync starter: {@code cogsync.region} and {@code cogsync.endpoint-override} point at it, a
 * {@link dev.cogsync.auth.CredentialsProvider} bean signs with its credentials, and the
 * {@link dev.cogsync.emulator.CognitoSyncEmulator} itself is a bean, to inspect what was written. One emulator per
 * cached context; it stops when the context closes.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureCogsyncEmulator
 * class SettingsApiTest {
 *     @Autowired CoalescingWriter writer;
 *     @Autowired CognitoSyncEmulator emulator;
 * }
 * }</pre>
 *
 * <p>Needs {@code spring-test} on the test classpath, as every Spring test has.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureCogsyncEmulator {
}
