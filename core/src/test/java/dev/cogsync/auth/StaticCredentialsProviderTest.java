package dev.cogsync.auth;

import static dev.cogsync.auth.Stages.isDone;
import static dev.cogsync.auth.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class StaticCredentialsProviderTest {

    private static final AwsCredentials CREDENTIALS =
            AwsCredentials.of("AKIDSTATIC", "static-secret-4e1f", "static-token-9b2c");

    @Test
    void resolveCredentials_returnsTheGivenCredentials_alreadyComplete() {
        CompletionStage<AwsCredentials> stage = StaticCredentialsProvider.create(CREDENTIALS).resolveCredentials();

        assertThat(isDone(stage)).isTrue();
        assertThat(value(stage)).isEqualTo(CREDENTIALS);
    }

    @Test
    void resolveCredentials_cannotBeCompletedByOneCallerForAnother() {
        StaticCredentialsProvider provider = StaticCredentialsProvider.create(CREDENTIALS);

        provider.resolveCredentials().toCompletableFuture().obtrudeValue(AwsCredentials.of("AKIDOTHER", "other"));

        assertThat(value(provider.resolveCredentials())).isEqualTo(CREDENTIALS);
    }

    @Test
    void create_withNull_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> StaticCredentialsProvider.create(null))
                .withMessage("credentials");
    }

    @Test
    void toString_showsTheKeyIdButNoSecret() {
        String text = StaticCredentialsProvider.create(CREDENTIALS).toString();

        assertThat(text).contains("AKIDSTATIC").doesNotContain("static-secret-4e1f", "static-token-9b2c");
    }
}
