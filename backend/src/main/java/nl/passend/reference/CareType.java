package nl.passend.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A care type: an iJw JZ020 product category such as 43, residential care with treatment. */
@Entity
public class CareType {

    @Id
    private String code;

    private String name;

    private boolean forensic;

    protected CareType() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isForensic() {
        return forensic;
    }

    /** Reference data is identified by its code, also across persistence contexts and proxies. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CareType that && code.equals(that.getCode());
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
