package dev.cogsync.auth;

import dev.cogsync.exception.CredentialsException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Credentials printed by an external command: a profile's {@code credential_process}. The command runs through
 * the shell ({@code sh -c}, or {@code cmd.exe /C} on Windows) on the given executor, never on the caller's thread,
 * and is killed when it takes longer than the timeout. Its standard output must be the documented JSON
 * ({@code Version} 1, {@code AccessKeyId}, {@code SecretAccessKey}, optional {@code SessionToken} and
 * {@code Expiration}); the credentials are cached by {@link CredentialsCache}, for good when they have no
 * expiration. Errors give the exit status, never the command's output.
 */
public final class ProcessCredentialsProvider implements CredentialsProvider {

    /** How long the command may run by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;
    private static final String SOURCE = "credential_process";

    private final String command;
    private final Executor executor;
    private final Duration timeout;
    private final CredentialsCache cache;

    private ProcessCredentialsProvider(String command, Executor executor, Duration timeout, Clock clock) {
        this.command = Objects.requireNonNull(command, "command");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cache = CredentialsCache.of(this::fetch, clock, SOURCE);
    }

    /**
     * A provider for a command.
     *
     * @param command the command line, as a profile's {@code credential_process} gives it
     * @param executor where the command is started and waited for; it may block for up to the timeout
     * @param timeout how long the command may run
     * @param clock the clock expirations are compared with
     * @return the provider
     */
    public static ProcessCredentialsProvider of(String command, Executor executor, Duration timeout, Clock clock) {
        return new ProcessCredentialsProvider(command, executor, timeout, clock);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return cache.resolveCredentials();
    }

    private CompletableFuture<AwsCredentials> fetch() {
        return CompletableFuture.supplyAsync(this::run, executor);
    }

    /** Blocking: runs on the executor. */
    private AwsCredentials run() {
        List<String> shell = System.getProperty("os.name", "").toLowerCase().startsWith("windows")
                ? List.of("cmd.exe", "/C", command) : List.of("sh", "-c", command);
        Process process;
        try {
            process = new ProcessBuilder(shell).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new CredentialsException(SOURCE + ": the command could not be started ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        // A command that hangs is killed at the timeout, which closes its output and ends the read below.
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        Process started = process;
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (started.isAlive()) {
                killed.set(true);
                started.destroyForcibly();
            }
        });
        try {
            process.getOutputStream().close();
            byte[] output = readLimited(process.getInputStream());
            process.waitFor();
            if (killed.get()) {
                throw new CredentialsException(SOURCE + ": the command did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new CredentialsException(SOURCE + ": the command exited with status " + process.exitValue());
            }
            return CredentialsDocuments.fromJson(output, SOURCE);
        } catch (IOException e) {
            throw new CredentialsException(SOURCE + ": reading the command's output failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialsException(SOURCE + ": interrupted while waiting for the command", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_OUTPUT_BYTES) {
                throw new CredentialsException(SOURCE + ": the command printed more than " + MAX_OUTPUT_BYTES
                        + " bytes");
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "ProcessCredentialsProvider";
    }
}
