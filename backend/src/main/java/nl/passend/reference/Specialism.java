package nl.passend.reference;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A specialism an offer has and a referral may require, such as LVB (mild intellectual disability). */
@Entity
public class Specialism {

    @Id
    private String code;

    private String name;

    protected Specialism() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** The codes of the specialisms, as matching knows them. */
    public static Set<String> codes(Set<Specialism> specialisms) {
        return specialisms.stream().map(Specialism::getCode).collect(Collectors.toSet());
    }

    /** Reference data is identified by its code, also across persistence contexts and proxies. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Specialism that && code.equals(that.getCode());
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
