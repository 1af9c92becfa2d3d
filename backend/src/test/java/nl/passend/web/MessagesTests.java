package nl.passend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every text of the pages exists in Dutch and in English: one set of keys, so no page falls back to a key's name. */
class MessagesTests {

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        Properties dutch = load("messages_nl.properties");
        Properties english = load("messages.properties");

        assertThat(dutch.stringPropertyNames()).as("keys in Dutch only")
                .isSubsetOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).as("keys in English only")
                .isSubsetOf(dutch.stringPropertyNames());
        assertThat(dutch.stringPropertyNames()).anyMatch(key -> key.startsWith("explanation.needed."));
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
