package nl.passend.shared;

import org.springframework.lang.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One field of a request and the rule it breaks. The message is the API's English; a rule given as a {@link Refusal}
 * is worded in the reader's language on the pages (the API's documents hold only the field and the message).
 */
public record Violation(String field, String message, @JsonIgnore @Nullable Refusal refusal) {

    public Violation(String field, String message) {
        this(field, message, null);
    }

    public Violation(String field, Refusal refusal) {
        this(field, refusal.english(), refusal);
    }
}
