package dev.cogsync.auth.internal;

import java.util.Objects;

/** Checks the region and service names that go verbatim into a credential scope, for signer and verifier alike. */
public final class CredentialScope {

    private CredentialScope() {
    }

    /**
     * Requires a region or service name that cannot break the {@code date/region/service/aws4_request} scope.
     *
     * @param value the name
     * @param parameter the parameter name, for the exception message
     * @return {@code value}
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is empty or holds characters other than letters,
     *     digits, {@code -}, {@code _} and {@code .}
     */
    public static String requireValidPart(String value, String parameter) {
        Objects.requireNonNull(value, parameter);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(parameter + ": must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                throw new IllegalArgumentException(parameter + ": must hold only letters, digits, '-', '_' and '.'");
            }
        }
        return value;
    }
}
