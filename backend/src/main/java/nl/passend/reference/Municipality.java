package nl.passend.reference;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A municipality, known by its CBS code, with the youth region it belongs to and its centroid. */
@Entity
public class Municipality {

    @Id
    private String code;

    private String name;

    private String province;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "youth_region_code")
    private YouthRegion youthRegion;

    private BigDecimal latitude;

    private BigDecimal longitude;

    protected Municipality() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
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

    /** Reference data is identified by its code, also across persistence contexts and proxies. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Municipality that && code.equals(that.getCode());
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
