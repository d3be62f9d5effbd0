package dev.cogsync.auth.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.exception.CredentialsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a profile's credentials or region from the shared credentials and config files; the one place the
 * credentials and the region sources share, so that both read the files by the same rules. Blocking.
 */
public final class SharedProfileFiles {

    /**
     * Properties that select a credential source other than static keys, in the order they are reported.
     * Any other {@code sso_} property is reported after these.
     */
    private static final List<String> UNSUPPORTED_SOURCES = List.of(
            "role_arn", "source_profile", "credential_source", "credential_process", "web_identity_token_file",
            "sso_session", "sso_start_url", "sso_account_id", "sso_role_name", "sso_region");

    private SharedProfileFiles() {
    }

    /**
     * Reads the static credentials of the profile. The credentials file wins over the config file, property
     * by property; either file may be missing.
     *
     * @param location the profile and the files
     * @return the credentials
     * @throws CredentialsException starting {@code profile '<name>' in <files>:}, when a file cannot be read
     *     or is malformed, when neither file defines the profile, when the profile relies on a credential
     *     source cogsync does not support, or when a key is missing
     */
    public static AwsCredentials loadCredentials(ProfileLocation location) {
        ProfileProperties profile = loadProperties(location);
        Map<String, String> properties = profile.properties();
        String where = profile.where();
        CredentialKeyNames names = CredentialKeyNames.PROFILE;
        Function<String, Optional<String>> lookup = key -> nonBlank(properties.get(key));
        if (!names.hasKeyPair(lookup)) {
            List<String> unsupported = unsupportedSources(properties);
            if (!unsupported.isEmpty()) {
                throw new CredentialsException(where + ": uses " + String.join(", ", unsupported)
                        + ", which this provider does not read; cogsync-reactor's SharedProfileCredentialsProvider "
                        + "(in the default chain) reads credential_process and role profiles");
            }
        }
        return names.read(where, lookup);
    }

    /** A profile's properties, the credentials file's over the config file's, and where they were read. */
    public record ProfileProperties(String where, Map<String, String> properties) {

        /**
         * A property, stripped, when set and not blank.
         *
         * @param name the property
         * @return its value
         */
        public Optional<String> get(String name) {
            return nonBlank(properties.get(name));
        }

        /**
         * Whether the profile holds an access key pair.
         *
         * @return {@code true} with both {@code aws_access_key_id} and {@code aws_secret_access_key}
         */
        public boolean hasKeyPair() {
            return CredentialKeyNames.PROFILE.hasKeyPair(this::get);
        }

        /**
         * The profile's static credentials.
         *
         * @return the credentials
         * @throws CredentialsException naming the missing key
         */
        public AwsCredentials staticCredentials() {
            return CredentialKeyNames.PROFILE.read(where, this::get);
        }
    }

    /**
     * Reads all the properties of the profile. Blocking.
     *
     * @param location the profile and the files
     * @return the properties
     * @throws CredentialsException when a file cannot be read or is malformed, or neither defines the profile
     */
    public static ProfileProperties loadProperties(ProfileLocation location) {
        String name = location.profileName();
        String where = "profile '" + name + "' in " + location.credentialsFile() + ", " + location.configFile();
        Optional<ProfileFile> credentialsFile;
        Optional<ProfileFile> configFile;
        try {
            credentialsFile = ProfileFileReader.read(location.credentialsFile(), ProfileFileKind.CREDENTIALS);
            configFile = ProfileFileReader.read(location.configFile(), ProfileFileKind.CONFIG);
        } catch (IOException e) {
            throw new CredentialsException(where + ": " + e.getMessage(), e);
        }
        where = "profile '" + name + "' in " + describe(location.credentialsFile(), credentialsFile) + ", "
                + describe(location.configFile(), configFile);

        Optional<Map<String, String>> fromCredentials = credentialsFile.flatMap(file -> file.profile(name));
        Optional<Map<String, String>> fromConfig = configFile.flatMap(file -> file.profile(name));
        if (fromCredentials.isEmpty() && fromConfig.isEmpty()) {
            throw new CredentialsException(where + ": no such profile"
                    + misnamedHint(name, location.credentialsFile(), credentialsFile)
                    + misnamedHint(name, location.configFile(), configFile));
        }
        Map<String, String> properties = new HashMap<>();
        fromConfig.ifPresent(properties::putAll);
        fromCredentials.ifPresent(properties::putAll);
        return new ProfileProperties(where, Map.copyOf(properties));
    }

    /**
     * Reads the {@code region} property of the profile from the config file (not the credentials file, as
     * in the AWS CLI).
     *
     * @param location the profile and the files; only the config file is read
     * @return the region, or empty when the file, the profile or the property is missing
     * @throws CognitoSyncClientException when the config file cannot be read or is malformed
     */
    public static Optional<String> loadRegion(ProfileLocation location) {
        try {
            return ProfileFileReader.read(location.configFile(), ProfileFileKind.CONFIG)
                    .flatMap(file -> file.profile(location.profileName()))
                    .flatMap(properties -> nonBlank(properties.get("region")));
        } catch (IOException e) {
            throw new CognitoSyncClientException("Unable to read the region of profile '" + location.profileName()
                    + "': " + e.getMessage(), e, 0);
        }
    }

    private static String describe(Path path, Optional<ProfileFile> file) {
        return file.isPresent() ? path.toString() : path + " (not found)";
    }

    /** Points at a section that would define the profile in the other file but is ignored in this one. */
    private static String misnamedHint(String name, Path path, Optional<ProfileFile> file) {
        return file.map(f -> {
            String header = f.misnamedSections().get(name);
            return header == null ? "" : " (" + path + " has " + header + ", which a " + f.kind().description()
                    + " ignores; write it as " + f.kind().sectionHeader(name) + ")";
        }).orElse("");
    }

    private static List<String> unsupportedSources(Map<String, String> properties) {
        List<String> found = new ArrayList<>();
        for (String property : UNSUPPORTED_SOURCES) {
            if (nonBlank(properties.get(property)).isPresent()) {
                found.add(property);
            }
        }
        for (String property : new TreeSet<>(properties.keySet())) {
            if (property.startsWith("sso_") && !found.contains(property)
                    && nonBlank(properties.get(property)).isPresent()) {
                found.add(property);
            }
        }
        return found;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
