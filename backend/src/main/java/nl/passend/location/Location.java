package nl.passend.location;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import nl.passend.provider.Provider;
import nl.passend.reference.Municipality;
import nl.passend.shared.VersionedEntity;

/** A provider's location: an address in a municipality, with the coordinates that distances are measured from. */
@Entity
public class Location extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id")
    private Provider provider;

    private String name;

    private String street;

    private String postalCode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "municipality_code")
    private Municipality municipality;

    /**
     * WGS84 degrees, six decimals. Matching measures the distance from the youth's home to here (DESIGN.md, soft
     * score), so a location given no coordinates gets its municipality's centroid.
     */
    private BigDecimal latitude;

    private BigDecimal longitude;

    /** Inactive: kept for the offers that refer to it, but matching places no one new here (MatchingFacts). */
    private boolean active = true;

    public Provider getProvider() {
        return provider;
    }

    void setProvider(Provider provider) {
        this.provider = provider;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public String getStreet() {
        return street;
    }

    void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    void setMunicipality(Municipality municipality) {
        this.municipality = municipality;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    void setLatitude(BigDecimal latitude) {
        this.latitude = latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    void setLongitude(BigDecimal longitude) {
        this.longitude = longitude;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
