package nl.passend.shared;

import java.util.List;

/** A request that breaks a rule about its own content: answered 400 with the fields named. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public InvalidRequestException(String field, Refusal refusal) {
        this(List.of(new Violation(field, refusal)));
    }

    /** The body names an id or code that does not exist. */
    public static InvalidRequestException unknown(String field, String what, Object key) {
        return new InvalidRequestException(field, "no " + what + " " + key + " exists");
    }

    public List<Violation> violations() {
        return violations;
    }
}
