package dev.cogsync.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to completion with a clean AWS environment, output and errors merged.
 *
 * @param exitCode the exit status
 * @param output everything the command printed
 */
record ExternalProcess(int exitCode, String output) {

    /** Runs {@code command}; a command that cannot start is a failure, never a skip. */
    static ExternalProcess run(List<String> command, Map<String, String> environment, Path workDir)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        // Empty config and credential files: nothing on this machine can change what the tool does.
        Path config = Files.writeString(workDir.resolve("aws-config"), "");
        Path credentials = Files.writeString(workDir.resolve("aws-credentials"), "");
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new ExternalProcess(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
