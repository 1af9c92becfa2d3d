package nl.passend.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The hand-written contract as api-spec packs it ({@code openapi.yaml} on the classpath): the document that is
 * published, and its version, which every response names. Read once, as a constant of the build rather than a bean,
 * so that the filters and controllers that use it need nothing from the context (web slice tests mock whatever a
 * controller is made with).
 */
final class OpenApiDocument {

    /** {@code major.minor.patch}, with an optional pre-release, as Semantic Versioning writes it. */
    static final Pattern SEMANTIC_VERSION = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
            + "(-[0-9A-Za-z.-]+)?");

    private final JsonNode document;
    private final String version;

    /** The contract of this build. */
    static OpenApiDocument contract() {
        return Packed.CONTRACT;
    }

    private OpenApiDocument() {
        try (InputStream yaml = new ClassPathResource("openapi.yaml").getInputStream()) {
            document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("The contract openapi.yaml is not on the classpath", e);
        }
        version = document.path("info").path("version").asText();
        if (!SEMANTIC_VERSION.matcher(version).matches()) {
            throw new IllegalStateException("The contract's info.version is not a semantic version: " + version);
        }
    }

    /** The contract's {@code info.version}, such as {@code 1.0.0}. */
    String version() {
        return version;
    }

    /** The whole contract, to be written as JSON. */
    JsonNode document() {
        return document;
    }

    /** Read when first asked for. */
    private static final class Packed {
        static final OpenApiDocument CONTRACT = new OpenApiDocument();
    }
}
