package nl.passend.matching;

import java.util.Iterator;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.passend.solver.Explanation;
import nl.passend.solver.Phrase;

/**
 * A run's explanations as JSON in {@code matching_outcome.explanation}: phrases with each argument named by its kind
 * (format 2), or, for runs from before phrases, English sentences (format 1), which are read as phrases that show the
 * sentence as it was written.
 */
@Component
class StoredExplanations {

    /** English sentences, as runs wrote them before explanations were phrases. */
    static final int SENTENCES = 1;
    /** Phrases: message keys and their typed arguments. */
    static final int PHRASES = 2;
    /** The key of a sentence stored before phrases: shown as written, in any language. */
    static final String AS_WRITTEN = "explanation.asWritten";

    private final ObjectMapper json;

    StoredExplanations(ObjectMapper json) {
        // A copy, so that the API's JSON is untouched; the solver knows no Jackson, so its types are annotated here.
        this.json = json.copy().addMixIn(Phrase.Arg.class, ArgKinds.class);
    }

    /** In format {@link #PHRASES}. */
    String write(Explanation explanation) {
        try {
            return json.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Explanation read(String stored, int format) throws JsonProcessingException {
        if (format == PHRASES) {
            return json.readValue(stored, Explanation.class);
        }
        ObjectNode tree = (ObjectNode) json.readTree(stored);
        ArrayNode summary = json.createArrayNode();
        if (tree.hasNonNull("summary")) {
            summary.add(asWritten(tree.get("summary")));
        }
        tree.set("summary", summary);
        if (tree.hasNonNull("chosen")) {
            asWrittenText(tree.get("chosen"));
        }
        for (String notes : new String[] {"alternatives", "notEligible"}) {
            for (Iterator<JsonNode> note = tree.path(notes).elements(); note.hasNext();) {
                asWrittenText(note.next());
            }
        }
        return json.treeToValue(tree, Explanation.class);
    }

    private void asWrittenText(JsonNode part) {
        ((ObjectNode) part).set("text", asWritten(part.get("text")));
    }

    private JsonNode asWritten(JsonNode sentence) {
        return json.valueToTree(Phrase.of(AS_WRITTEN, new Phrase.Text(sentence.asText())));
    }

    /** Each argument stored with its kind, by a name that outlives a renamed class. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Phrase.Count.class, name = "count"),
        @JsonSubTypes.Type(value = Phrase.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Phrase.Day.class, name = "day"),
        @JsonSubTypes.Type(value = Phrase.Euros.class, name = "euros"),
        @JsonSubTypes.Type(value = Phrase.Level.class, name = "level"),
        @JsonSubTypes.Type(value = Phrase.Gender.class, name = "gender"),
        @JsonSubTypes.Type(value = Phrase.Part.class, name = "part")
    })
    private interface ArgKinds {
    }
}
