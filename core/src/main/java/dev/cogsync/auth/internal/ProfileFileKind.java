package dev.cogsync.auth.internal;

/** The two shared files name their sections differently; the parser needs to know which one it reads. */
enum ProfileFileKind {

    /** {@code ~/.aws/credentials}: sections are {@code [name]}. */
    CREDENTIALS("credentials file"),

    /** {@code ~/.aws/config}: sections are {@code [profile name]}, and {@code [default]}. */
    CONFIG("config file");

    private final String description;

    ProfileFileKind(String description) {
        this.description = description;
    }

    /** How the file is called in messages. */
    String description() {
        return description;
    }

    /** How a profile's section header is written in this kind of file. */
    String sectionHeader(String profileName) {
        return this == CONFIG && !profileName.equals(ProfileLocation.DEFAULT_PROFILE)
                ? "[profile " + profileName + "]"
                : "[" + profileName + "]";
    }
}
