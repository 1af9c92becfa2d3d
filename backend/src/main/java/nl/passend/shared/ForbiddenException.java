package nl.passend.shared;

/** The caller's role may do this, but not for what the request names (another organisation's provider, say). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
