package nl.passend.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A youth-care region (jeugdregio): the municipalities that buy youth care together. */
@Entity
public class YouthRegion {

    @Id
    private String code;

    private String name;

    protected YouthRegion() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** Reference data is identified by its code, also across persistence contexts and proxies. */
    @Override
    public boolean equals(Object other) {
        return other instanceof YouthRegion that && code.equals(that.getCode());
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
