package nl.passend.reference;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A municipality, known by its CBS code, with the youth region it belongs to and its centroid. */
@Entity
public class Municipality extends CodedReference {

    private String province;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "youth_region_code")
    private YouthRegion youthRegion;

    private BigDecimal latitude;

    private BigDecimal longitude;

    protected Municipality() {
    }

    public String getProvince() {
        return province;
    }

    public YouthRegion getYouthRegion() {
        return youthRegion;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }
}
