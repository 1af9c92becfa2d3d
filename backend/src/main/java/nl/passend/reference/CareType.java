package nl.passend.reference;

import jakarta.persistence.Entity;

/** A care type: an iJw JZ020 product category such as 43, residential care with treatment. */
@Entity
public class CareType extends CodedReference {

    private boolean forensic;

    protected CareType() {
    }

    public boolean isForensic() {
        return forensic;
    }
}
