package nl.passend.reference;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Reference data known by an official code (iJw, CBS) and a name, loaded by Liquibase and never edited through the
 * API. Two rows are equal when they are of one kind with one code, also across persistence contexts and proxies:
 * referrals and offers compare their care types and specialisms as sets.
 */
@MappedSuperclass
public abstract class CodedReference {

    @Id
    private String code;

    private String name;

    protected CodedReference() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /**
     * Not final, so that a lazy proxy hands the call to its row, where {@code getClass()} is the entity's own class;
     * {@code isInstance} accepts a proxy of that class without loading it, and a proxy answers its code unloaded.
     */
    @Override
    public boolean equals(Object other) {
        return getClass().isInstance(other) && getCode().equals(((CodedReference) other).getCode());
    }

    @Override
    public int hashCode() {
        return getCode().hashCode();
    }
}
