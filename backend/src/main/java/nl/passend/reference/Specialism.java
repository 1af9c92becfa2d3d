package nl.passend.reference;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;

/** A specialism an offer has and a referral may require, such as LVB (mild intellectual disability). */
@Entity
public class Specialism extends CodedReference {

    protected Specialism() {
    }

    /** The codes of the specialisms, as matching knows them. */
    public static Set<String> codes(Set<Specialism> specialisms) {
        return specialisms.stream().map(Specialism::getCode).collect(Collectors.toSet());
    }
}
