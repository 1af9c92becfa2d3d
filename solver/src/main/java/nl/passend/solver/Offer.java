package nl.passend.solver;

import java.util.Set;

/**
 * A problem fact: an offer as matching sees it.
 *
 * An offer is known by its id: two with the same id are the same offer. The solver groups placements by offer at
 * every move, and hashing the whole record, sets and all, was a large part of its time.
 *
 * @param capacity the places Passend may fill: total places less those taken by youths placed outside Passend
 */
public record Offer(long id, long locationId, long providerId, String municipalityCode, double latitude,
        double longitude, String careType, int securityLevel, int minAge, int maxAge, Set<String> genders,
        Set<String> specialisms, int capacity) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Offer offer && offer.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
