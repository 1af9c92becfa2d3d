package nl.passend.solver;

import java.util.Set;

/**
 * A problem fact: an offer as matching sees it.
 *
 * @param capacity the places Passend may fill: total places less those taken by youths placed outside Passend
 */
public record Offer(long id, long locationId, long providerId, String municipalityCode, double latitude,
        double longitude, String careType, int securityLevel, int minAge, int maxAge, Set<String> genders,
        Set<String> specialisms, int capacity) {
}
