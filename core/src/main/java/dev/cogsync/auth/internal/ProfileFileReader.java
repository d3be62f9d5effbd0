package dev.cogsync.auth.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one shared file from disk and turns every failure into a message that names the file and the
 * reason, never the content. Blocking: callers run it off event-loop threads.
 */
final class ProfileFileReader {

    private ProfileFileReader() {
    }

    /**
     * Reads and parses a file.
     *
     * @return the parsed file, or empty when the file does not exist
     * @throws IOException when the file exists but cannot be read or is malformed; the message starts with
     *     the path
     */
    static Optional<ProfileFile> read(Path path, ProfileFileKind kind) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + ": is a directory, not a " + kind.description());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new IOException(path + ": cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new IOException(path + ": cannot be read: " + reason(e), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(path + ": cannot be read: not valid UTF-8", e);
        }
        try {
            return Optional.of(ProfileFileParser.parse(text, kind));
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ", " + e.getMessage(), e);
        }
    }

    /** A file system exception's message repeats the path; its reason alone is enough after ours. */
    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException fileSystemException
                ? fileSystemException.getReason()
                : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason;
    }
}
