package nl.passend.shared;

import java.util.Objects;

import org.springframework.lang.Nullable;

/** An edit based on a version that is no longer current: answered 409, so that no change is silently lost. */
public class StaleVersionException extends RuntimeException {

    @Nullable
    private final transient Refusal refusal;

    public StaleVersionException(String message) {
        super(message);
        this.refusal = null;
    }

    public StaleVersionException(Refusal refusal) {
        super(refusal.english());
        this.refusal = refusal;
    }

    /** The refusal's key and arguments, or nothing when it was given as English text only. */
    @Nullable
    public Refusal refusal() {
        return refusal;
    }

    /**
     * Checks that an update names the version it was based on, and that this version is still current.
     *
     * @throws InvalidRequestException when no version was given
     * @throws StaleVersionException when someone else changed the resource first
     */
    public static void requireCurrent(String what, Object id, long current, Long given) {
        if (given == null) {
            throw new InvalidRequestException("version", Refusal.of("refusal.versionMissing"));
        }
        if (!Objects.equals(current, given)) {
            throw new StaleVersionException(Refusal.of("refusal.staleVersion", what, id, given, current));
        }
    }
}
