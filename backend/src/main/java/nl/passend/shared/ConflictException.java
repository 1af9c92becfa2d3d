package nl.passend.shared;

/** A valid request that breaks a business rule against current data: answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
