package nl.passend.reference;

import jakarta.persistence.Entity;

/** A youth-care region (jeugdregio): the municipalities that buy youth care together. */
@Entity
public class YouthRegion extends CodedReference {

    protected YouthRegion() {
    }
}
