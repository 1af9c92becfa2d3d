package nl.passend.shared;

import org.springframework.lang.Nullable;

/**
 * A valid request that breaks a business rule against current data: answered 409. Its message is the API's English;
 * a refusal given as a {@link Refusal} is worded in the reader's language on the pages.
 */
public class ConflictException extends RuntimeException {

    @Nullable
    private final transient Refusal refusal;

    public ConflictException(String message) {
        super(message);
        this.refusal = null;
    }

    public ConflictException(Refusal refusal) {
        super(refusal.english());
        this.refusal = refusal;
    }

    /** The refusal's key and arguments, or nothing when it was given as English text only. */
    @Nullable
    public Refusal refusal() {
        return refusal;
    }
}
