package nl.passend.solver;

import java.time.LocalDate;
import java.util.Set;

/**
 * What matching knows of a referral: its needs and where the youth lives; never who the youth is.
 *
 * @param age the youth's age on the requested start
 * @param daysWaiting whole days from the referral's creation to the run's date
 * @param coDefendantGroup referrals with the same key may not be placed at one location; {@code null} for none
 */
public record Demand(long referralId, Urgency urgency, int daysWaiting, String careType, int minSecurityLevel,
        int age, String gender, Set<String> specialisms, String homeMunicipality, double homeLatitude,
        double homeLongitude, Set<String> excludedMunicipalities, LocalDate requestedStart, int expectedDurationDays,
        String coDefendantGroup) {
}
