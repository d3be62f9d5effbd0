package dev.cogsync.auth.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Parses the text of a shared credentials or config file the way the AWS CLI and SDKs read it, so that a
 * file that works with them works here; kept free of I/O so that every rule is unit-tested on strings.
 *
 * <p>Rules: {@code #} and {@code ;} start full-line comments (also when indented), and inline comments in a
 * property value when preceded by whitespace; section headers may carry a comment right after {@code ]}.
 * Names and values are trimmed. An indented line after a property continues that property (this is how
 * sub-properties such as {@code s3 =} / {@code   max_concurrent_requests = 10} are written), with a newline
 * between the parts. A profile defined twice is merged, and a property defined twice keeps the later value.
 * Errors name the line number and never the line, because a malformed line may hold a secret.
 */
final class ProfileFileParser {

    private static final String PROFILE_PREFIX = "profile";

    private final ProfileFileKind kind;
    private final Map<String, Map<String, String>> profiles = new HashMap<>();
    private final Map<String, String> misnamedSections = new HashMap<>();
    /** A config file's bare {@code [default]}; {@code [profile default]} wins over it, in any order. */
    private final Map<String, String> bareDefault = new HashMap<>();
    private boolean bareDefaultSeen;

    private int lineNumber;
    /** The properties of the section being read; {@code null} before the first section or in an ignored one. */
    private Map<String, String> section;
    private boolean inIgnoredSection;
    /** The property that an indented line continues; {@code null} right after a section header. */
    private String property;

    private ProfileFileParser(ProfileFileKind kind) {
        this.kind = kind;
    }

    /**
     * Parses a whole file.
     *
     * @throws IllegalArgumentException naming the line when the text is malformed
     */
    static ProfileFile parse(String text, ProfileFileKind kind) {
        ProfileFileParser parser = new ProfileFileParser(kind);
        // Editors on Windows may start a UTF-8 file with a byte order mark; it is not part of the first line.
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        content.lines().forEachOrdered(parser::parseLine);
        if (parser.bareDefaultSeen && !parser.profiles.containsKey(ProfileLocation.DEFAULT_PROFILE)) {
            parser.profiles.put(ProfileLocation.DEFAULT_PROFILE, parser.bareDefault);
        }
        return new ProfileFile(kind, parser.profiles, parser.misnamedSections);
    }

    private void parseLine(String line) {
        lineNumber++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
            return;
        }
        boolean indented = Character.isWhitespace(line.charAt(0));
        if (indented && property != null) {
            section.merge(property, trimmed, (value, continuation) -> value + "\n" + continuation);
        } else if (trimmed.startsWith("[")) {
            readSectionHeader(trimmed);
        } else if (!inIgnoredSection) {
            readProperty(trimmed);
        }
    }

    private void readSectionHeader(String trimmed) {
        int close = trimmed.indexOf(']');
        if (close < 0) {
            throw malformed("section header is missing ']'");
        }
        String after = trimmed.substring(close + 1).strip();
        if (!after.isEmpty() && !after.startsWith("#") && !after.startsWith(";")) {
            throw malformed("unexpected text after the section header");
        }
        String header = trimmed.substring(1, close).strip();
        if (header.isEmpty()) {
            throw malformed("empty section name");
        }
        property = null;
        section = null;
        inIgnoredSection = false;

        boolean prefixed = header.length() > PROFILE_PREFIX.length()
                && header.startsWith(PROFILE_PREFIX)
                && Character.isWhitespace(header.charAt(PROFILE_PREFIX.length()));
        String prefixedName = prefixed ? header.substring(PROFILE_PREFIX.length()).strip() : null;

        if (kind == ProfileFileKind.CONFIG && prefixed) {
            section = profiles.computeIfAbsent(prefixedName, name -> new HashMap<>());
        } else if (kind == ProfileFileKind.CONFIG && header.equals(ProfileLocation.DEFAULT_PROFILE)) {
            bareDefaultSeen = true;
            section = bareDefault;
        } else if (kind == ProfileFileKind.CONFIG) {
            // Also [sso-session x] and [services x]: sections the config file has that are not profiles.
            ignore(header, header);
        } else if (prefixed) {
            ignore(prefixedName, header);
        } else {
            section = profiles.computeIfAbsent(header, name -> new HashMap<>());
        }
    }

    private void ignore(String intendedProfileName, String header) {
        inIgnoredSection = true;
        misnamedSections.putIfAbsent(intendedProfileName, "[" + header + "]");
    }

    private void readProperty(String trimmed) {
        if (section == null) {
            throw malformed("property before the first [section] header");
        }
        int equals = trimmed.indexOf('=');
        if (equals < 0) {
            throw malformed("expected 'name = value'");
        }
        String name = trimmed.substring(0, equals).strip();
        if (name.isEmpty()) {
            throw malformed("property without a name");
        }
        section.put(name, withoutInlineComment(trimmed.substring(equals + 1)).strip());
        property = name;
    }

    /** An inline comment needs whitespace before it, so that {@code #} and {@code ;} can appear in values. */
    private static String withoutInlineComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }

    private IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("line " + lineNumber + ": " + problem);
    }
}
