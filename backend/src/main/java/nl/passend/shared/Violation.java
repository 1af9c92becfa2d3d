package nl.passend.shared;

/** One field of a request and the rule it breaks. */
public record Violation(String field, String message) {
}
