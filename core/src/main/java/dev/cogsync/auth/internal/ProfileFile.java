package dev.cogsync.auth.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed shared file: the properties of each profile, and the sections the file kind ignores, kept so
 * that "no such profile" can point at a section written the other file's way.
 *
 * @param kind which of the two files this is
 * @param profiles the properties of each profile, by profile name
 * @param misnamedSections for each ignored section that looks like a profile, the profile name it was
 *     probably meant to define, mapped to the header as written
 */
record ProfileFile(ProfileFileKind kind, Map<String, Map<String, String>> profiles,
        Map<String, String> misnamedSections) {

    /** Copies the maps. */
    ProfileFile {
        Map<String, Map<String, String>> copy = new HashMap<>();
        profiles.forEach((name, properties) -> copy.put(name, Map.copyOf(properties)));
        profiles = Map.copyOf(copy);
        misnamedSections = Map.copyOf(misnamedSections);
    }

    /** The properties of a profile, if the file defines it. */
    Optional<Map<String, String>> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** Names the profiles only: property values include secret keys. */
    @Override
    public String toString() {
        return "ProfileFile[kind=" + kind + ", profiles=" + profiles.keySet() + "]";
    }
}
