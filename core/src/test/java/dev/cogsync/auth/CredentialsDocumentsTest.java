package dev.cogsync.auth;

import dev.cogsync.exception.CredentialsException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsDocumentsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void instanceMetadataCredentials() {
        AwsCredentials credentials = CredentialsDocuments.fromJson(bytes("""
                {"Code":"Success","LastUpdated":"2026-12-01T11:00:00Z","Type":"AWS-HMAC",
                 "AccessKeyId":"ASIAIMDS","SecretAccessKey":"imds-secret","Token":"imds-token",
                 "Expiration":"2026-12-01T17:00:00Z"}"""), "instance metadata");
        assertThat(credentials).isEqualTo(new AwsCredentials("ASIAIMDS", "imds-secret", "imds-token",
                Instant.parse("2026-12-01T17:00:00Z")));
    }

    @Test
    void credentialProcessOutputWithItsVersion() {
        AwsCredentials credentials = CredentialsDocuments.fromJson(bytes("""
                {"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "proc-secret",
                 "SessionToken": "proc-token", "Expiration": "2026-12-01T13:00:00Z"}"""), "credential_process");
        assertThat(credentials.sessionToken()).isEqualTo("proc-token");
        assertThatThrownBy(() -> CredentialsDocuments.fromJson(bytes("""
                {"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"}"""), "credential_process"))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("Version 2");
    }

    @Test
    void aFailedOrIncompleteAnswerNamesTheSourceAndFieldButNoValue() {
        assertThatThrownBy(() -> CredentialsDocuments.fromJson(bytes("""
                {"Code":"AssumeRoleUnauthorizedAccess","AccessKeyId":"A","SecretAccessKey":"leaked"}"""), "imds"))
                .hasMessage("imds: the answer's Code is AssumeRoleUnauthorizedAccess");
        assertThatThrownBy(() -> CredentialsDocuments.fromJson(bytes("{\"AccessKeyId\":\"A\"}"), "container"))
                .hasMessage("container: the answer has no SecretAccessKey");
        assertThatThrownBy(() -> CredentialsDocuments.fromJson(bytes("not json"), "container"))
                .hasMessage("container: the answer is not valid JSON");
    }

    @Test
    void stsAssumeRoleWithWebIdentityAnswer() {
        AwsCredentials credentials = CredentialsDocuments.fromStsXml(bytes("""
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleWithWebIdentityResult>
                    <SubjectFromWebIdentityToken>system:serviceaccount:default:app</SubjectFromWebIdentityToken>
                    <Credentials>
                      <AccessKeyId>ASIASTS</AccessKeyId>
                      <SecretAccessKey>sts-secret</SecretAccessKey>
                      <SessionToken>sts-token</SessionToken>
                      <Expiration>2026-12-01T13:00:00Z</Expiration>
                    </Credentials>
                  </AssumeRoleWithWebIdentityResult>
                </AssumeRoleWithWebIdentityResponse>"""), "web identity");
        assertThat(credentials).isEqualTo(new AwsCredentials("ASIASTS", "sts-secret", "sts-token",
                Instant.parse("2026-12-01T13:00:00Z")));
    }

    @Test
    void stsErrorsAreReadForTheirCodeAndExternalEntitiesAreRefused() {
        assertThat(CredentialsDocuments.stsErrorCode(bytes("""
                <ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code>
                <Message>expired</Message></Error></ErrorResponse>"""))).isEqualTo("InvalidIdentityToken");
        assertThatThrownBy(() -> CredentialsDocuments.fromStsXml(bytes("""
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <R><Credentials><AccessKeyId>&e;</AccessKeyId></Credentials></R>"""), "sts"))
                .isInstanceOf(CredentialsException.class);
    }
}
