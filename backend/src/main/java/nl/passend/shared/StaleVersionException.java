package nl.passend.shared;

import java.util.Objects;

/** An edit based on a version that is no longer current: answered 409, so that no change is silently lost. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String message) {
        super(message);
    }

    /**
     * Checks that an update names the version it was based on, and that this version is still current.
     *
     * @throws InvalidRequestException when no version was given
     * @throws StaleVersionException when someone else changed the resource first
     */
    public static void requireCurrent(String what, Object id, long current, Long given) {
        if (given == null) {
            throw new InvalidRequestException("version", "must be given when updating: send the version you read");
        }
        if (!Objects.equals(current, given)) {
            throw new StaleVersionException("The " + what + " " + id + " was changed by someone else: you sent version "
                    + given + ", the current version is " + current + ". Read it again and reapply your change.");
        }
    }
}
