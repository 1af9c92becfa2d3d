package nl.passend.shared;

/** An entity known by its id and guarded by a version: what a registry edit checks and audits. */
public interface Versioned {

    /** The id, {@code null} until the entity is first saved. */
    Long getId();

    /** The version an edit must name, so that no change is silently lost. */
    long getVersion();
}
