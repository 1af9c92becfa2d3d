package nl.passend.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' refusals: every key they name is worded in English and in Dutch, the English is the API's as it has
 * always been written, and the pages' Dutch comes from the same key and arguments.
 */
class RefusalTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    /** Keys that the services make of a prefix and a step or status; each of its endings is worded. */
    private static final List<String> COMPOSED = List.of("refusal.placement.status.accepted",
            "refusal.placement.status.declined", "refusal.placement.status.started", "refusal.placement.status.ended",
            "refusal.referral.notClosable.WITHDRAWN", "refusal.referral.notClosable.CANCELLED",
            "refusal.contract.notPending.CONFIRMED", "refusal.contract.notPending.DECLINED");

    @Test
    void everyKeyTheServicesNameIsWordedInEnglishAndInDutch() throws IOException {
        Set<String> named = new TreeSet<>(COMPOSED);
        Pattern literal = Pattern.compile("\"(refusal\\.[A-Za-z.]+[A-Za-z])\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        assertThat(named).as("keys named in the services").hasSizeGreaterThan(30);
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(named);
        assertThat(load("messages_nl.properties").stringPropertyNames()).containsAll(named);
    }

    /**
     * A text without arguments is not a pattern to Spring's messages, so an apostrophe in it is written once; in a
     * text with arguments (a MessageFormat pattern) it is written twice, or it would swallow the words after it.
     */
    @Test
    void apostrophesAreWrittenAsSpringReadsThem() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_nl.properties")) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (!key.startsWith("refusal.")) {
                    continue;
                }
                if (text.contains("{")) {
                    assertThat(text.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                } else {
                    assertThat(text).as(bundle + " " + key).doesNotContain("''");
                }
            }
        }
    }

    @Test
    void theEnglishIsTheApisAndTheDutchComesFromTheSameKey() {
        Refusal full = Refusal.of("refusal.placement.offerFull", 1234L, 2, 2L);
        ConflictException conflict = new ConflictException(full);

        assertThat(conflict.getMessage()).as("ids and counts without grouping")
                .isEqualTo("Offer 1234 has no free place: 2 place(s) for Passend, 2 taken.");
        assertThat(conflict.refusal()).isEqualTo(full);
        assertThat(full.in(messages(), DUTCH))
                .isEqualTo("Aanbod 1234 heeft geen vrije plek: 2 plek(ken) voor Passend, 2 bezet.");
        assertThat(full.in(messages(), Locale.ENGLISH)).isEqualTo(full.english());
    }

    @Test
    void quotesDaysMomentsAndPartsAreWrittenAsTheApiAlwaysWroteThem() {
        assertThat(Refusal.of("refusal.user.usernameTaken", "jan").english()).isEqualTo("The username 'jan' is taken.");
        assertThat(Refusal.of("refusal.user.usernameTaken", "jan").in(messages(), DUTCH))
                .isEqualTo("De gebruikersnaam 'jan' is al in gebruik.");

        Refusal overlap = Refusal.of("refusal.contract.overlap", "JR-1", 7L, "43", "Zutphen", "0301",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(overlap.english()).isEqualTo("Contract JR-1 (id 7) already covers care type 43 for Zutphen (0301)"
                + " with this provider from 2026-01-01 to 2026-12-31. End it first, or leave out the care types or"
                + " municipalities it covers.");
        assertThat(overlap.in(messages(), DUTCH)).contains("van 1 januari 2026 tot en met 31 december 2026");

        Instant at = Instant.parse("2026-11-30T15:12:05.123Z");
        assertThat(Refusal.of("refusal.mandate.revoked", 3L, at).english())
                .isEqualTo("Mandate 3 was revoked already, at " + at + ".");

        Refusal overlapping = Refusal.of("refusal.run.overlapping", 5L, Refusal.of("refusal.run.allRegions"),
                "RUNNING", Refusal.of("refusal.run.region", "OG"));
        assertThat(overlapping.english()).isEqualTo("Matching run 5 over all youth regions is RUNNING; wait until it is"
                + " done before starting another over youth region OG.");
        assertThat(overlapping.in(messages(), DUTCH)).isEqualTo("Matchingronde 5 over alle jeugdregio’s heeft status"
                + " RUNNING; start een nieuwe ronde over jeugdregio OG als die klaar is.");
    }

    @Test
    void aStaleVersionAndAMissingOneCarryTheirRefusal() {
        StaleVersionException stale = new StaleVersionException(Refusal.of("refusal.staleVersion", "placement", 4L,
                1L, 2L));
        assertThat(stale.getMessage()).isEqualTo("The placement 4 was changed by someone else: you sent version 1, the"
                + " current version is 2. Read it again and reapply your change.");
        Violation missing = new Violation("version", Refusal.of("refusal.versionMissing"));
        assertThat(missing.message()).isEqualTo("must be given when updating: send the version you read");
        assertThat(missing.refusal().in(messages(), DUTCH)).startsWith("moet worden meegestuurd");
    }

    /** The API's violations are a field and its message, as before: the key is for the pages only. */
    @Test
    void aViolationsRefusalIsNotPartOfTheApisDocument() throws Exception {
        assertThat(new ObjectMapper().writeValueAsString(new Violation("name", Refusal.of("refusal.field.notBlank"))))
                .isEqualTo("{\"field\":\"name\",\"message\":\"must not be blank\"}");
    }

    /** As Spring Boot makes the application's (spring.messages). */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
