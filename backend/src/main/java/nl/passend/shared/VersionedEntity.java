package nl.passend.shared;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A row of the registry with a generated id and an optimistic-lock version: the version is what a client sends back
 * with an edit, so that two people changing one offer or contract never silently overwrite each other.
 */
@MappedSuperclass
public abstract class VersionedEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }
}
