package nl.passend.shared;

/** The resource in the path does not exist (or, later, is not the caller's to see): answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super("No " + what + " " + key + " exists");
    }
}
