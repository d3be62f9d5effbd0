package dev.cogsync.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cogsync.exception.CredentialsException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the documents that temporary credentials arrive in, without any I/O: the JSON of EC2 instance metadata,
 * container endpoints (ECS, EKS Pod Identity) and {@code credential_process} output, and the XML of STS
 * {@code AssumeRole} and {@code AssumeRoleWithWebIdentity} answers. Errors name the source and the missing field;
 * they never contain a value.
 */
public final class CredentialsDocuments {

    private static final JsonFactory JSON = new JsonFactory();
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // STS answers are plain XML: no DTDs, no external entities.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private CredentialsDocuments() {
    }

    /**
     * Reads credentials from JSON: {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token} or
     * {@code SessionToken}, {@code Expiration} (ISO-8601). A {@code Code} other than {@code Success} (instance
     * metadata) or a {@code Version} other than 1 ({@code credential_process}) is refused.
     *
     * @param body the document
     * @param source names the source in errors
     * @return the credentials
     * @throws CredentialsException when the document is not credentials
     */
    public static AwsCredentials fromJson(byte[] body, String source) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CredentialsException(source + ": the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new CredentialsException(source + ": the answer is not valid JSON");
        }
        if (fields.containsKey("Code") && !"Success".equals(fields.get("Code"))) {
            throw new CredentialsException(source + ": the answer's Code is " + fields.get("Code"));
        }
        if (fields.containsKey("Version") && !"1".equals(fields.get("Version"))) {
            throw new CredentialsException(source + ": unsupported Version " + fields.get("Version")
                    + ", expected 1");
        }
        String token = fields.containsKey("Token") ? fields.get("Token") : fields.get("SessionToken");
        return credentials(fields.get("AccessKeyId"), fields.get("SecretAccessKey"), token,
                fields.get("Expiration"), source);
    }

    /**
     * Reads the {@code Credentials} of an STS answer ({@code AssumeRole}, {@code AssumeRoleWithWebIdentity}).
     *
     * @param body the XML answer
     * @param source names the source in errors
     * @return the credentials, with their expiration
     * @throws CredentialsException when the answer holds no credentials
     */
    public static AwsCredentials fromStsXml(byte[] body, String source) {
        Map<String, String> fields = new HashMap<>();
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            boolean inCredentials = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("Credentials")) {
                        inCredentials = true;
                    } else if (inCredentials) {
                        fields.put(name, reader.getElementText().trim());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("Credentials")) {
                    inCredentials = false;
                }
            }
        } catch (XMLStreamException e) {
            throw new CredentialsException(source + ": the answer is not valid XML");
        }
        return credentials(fields.get("AccessKeyId"), fields.get("SecretAccessKey"), fields.get("SessionToken"),
                fields.get("Expiration"), source);
    }

    /**
     * The error code of an STS error answer ({@code <Error><Code>...}), for messages.
     *
     * @param body the XML answer
     * @return the code, or {@code null}
     */
    public static String stsErrorCode(byte[] body) {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Code")) {
                    return reader.getElementText().trim();
                }
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return null;
    }

    private static AwsCredentials credentials(String accessKeyId, String secret, String token, String expiration,
                                              String source) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new CredentialsException(source + ": the answer has no AccessKeyId");
        }
        if (secret == null || secret.isBlank()) {
            throw new CredentialsException(source + ": the answer has no SecretAccessKey");
        }
        Instant expires = null;
        if (expiration != null) {
            try {
                expires = Instant.parse(expiration);
            } catch (DateTimeParseException e) {
                throw new CredentialsException(source + ": the answer's Expiration is not an ISO-8601 instant");
            }
        }
        return new AwsCredentials(accessKeyId, secret, token, expires);
    }
}
