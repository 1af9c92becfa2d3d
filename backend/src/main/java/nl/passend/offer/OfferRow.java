package nl.passend.offer;

import java.time.Instant;
import java.util.Set;

import nl.passend.reference.Gender;
import nl.passend.reference.SecurityLevel;

/**
 * An offer as the API shows it, read as values ({@link OfferRows}) rather than as an entity with its associations:
 * a read has nothing to change, and building entities was most of an offer list's time.
 */
record OfferRow(long id, long version, long locationId, String locationName, long providerId, String providerName,
        String municipalityCode, String municipalityName, String youthRegion, String name, String careType,
        SecurityLevel securityLevel, int minAge, int maxAge, Set<Gender> acceptedGenders, Set<String> specialisms,
        int totalPlaces, int externallyOccupied, int activePlacements, Instant reportedAt, boolean active) {

    /** This row with its collections, which are read for a whole page at once. */
    OfferRow with(Set<Gender> genders, Set<String> specialismCodes) {
        return new OfferRow(id, version, locationId, locationName, providerId, providerName, municipalityCode,
                municipalityName, youthRegion, name, careType, securityLevel, minAge, maxAge, genders, specialismCodes,
                totalPlaces, externallyOccupied, activePlacements, reportedAt, active);
    }

    int freePlaces() {
        return Offer.freePlaces(totalPlaces, externallyOccupied, activePlacements);
    }
}
