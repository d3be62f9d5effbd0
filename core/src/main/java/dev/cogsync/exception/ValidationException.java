package dev.cogsync.exception;

import java.util.Objects;

/**
 * Input that breaks one of the service's constraints, rejected before anything is sent.
 *
 * <p>The message names the field (with its index inside a list, for example {@code recordPatches[3].key}),
 * the rule, and the offending length where there is one. It never contains the offending value: values may
 * be personal data or secrets.
 */
public final class ValidationException extends CognitoSyncClientException {

    /** The field that broke a rule. */
    private final String field;
    /** The rule it broke. */
    private final String rule;

    /**
     * Creates a validation failure.
     *
     * @param field the path of the field that failed, for example {@code recordPatches[0].key}
     * @param rule the rule that failed, for example {@code length must be between 1 and 1024 characters, was 0}
     */
    public ValidationException(String field, String rule) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(rule, "rule"));
        this.field = field;
        this.rule = rule;
    }

    /**
     * The path of the field that failed.
     *
     * @return for example {@code identityPoolId} or {@code recordPatches[2].syncCount}
     */
    public String field() {
        return field;
    }

    /**
     * The rule that failed, in words.
     *
     * @return for example {@code must be >= 0, was -1}
     */
    public String rule() {
        return rule;
    }
}
