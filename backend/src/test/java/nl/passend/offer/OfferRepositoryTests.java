package nl.passend.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;


import nl.passend.api.model.SecurityLevelDto;
import nl.passend.reference.Gender;
import nl.passend.reference.SecurityLevel;
import nl.passend.shared.Paging;
import nl.passend.shared.RowLocks;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;
import nl.passend.support.TwoTransactions;

@PersistenceTest
class OfferRepositoryTests {

    @Autowired
    OfferRepository offers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RowLocks locks;

    @Autowired
    Rows rows;

    @Autowired
    TwoTransactions race;

    long north;
    long south;
    long zutphen;
    long contract;
    long referral;

    /**
     * Semi-secure care type 43 in Apeldoorn (Midden-IJssel): 4 places, 3 held by placements, 1 free, for LVB and
     * trauma. Secure 43 in Zutphen (Midden-IJssel): 2 places, 1 taken outside Passend and 1 proposed, none free, for
     * trauma. Justice-level crisis care 46 in Doetinchem (Achterhoek), of another provider: 3 places, inactive.
     */
    @Test
    void findsExactlyTheOffersThatMeetEveryFilterGiven() {
        long apeldoornLvb = craftApeldoorn();
        long zutphenSecure = rows.offer(zutphen, "43", 3, 2);
        rows.set("offer", zutphenSecure, Map.of("externally_occupied", 1));
        rows.specialisms(zutphenSecure, "TRAUMA");
        rows.placement(referral, zutphenSecure, contract, "PROPOSED", Instant.now());
        long doetinchemCrisis = rows.offer(rows.location(south, "GM0222"), "46", 4, 3);
        rows.set("offer", doetinchemCrisis, Map.of("active", false));

        assertThat(search(new Wanted().careType("43"))).containsExactly(apeldoornLvb, zutphenSecure);
        assertThat(search(new Wanted().securityLevel(SecurityLevelDto.SEMI_SECURE))).containsExactly(apeldoornLvb);
        assertThat(search(new Wanted().minSecurityLevel(SecurityLevelDto.SECURE)))
                .containsExactly(zutphenSecure, doetinchemCrisis);
        assertThat(search(new Wanted().youthRegion("MIDDEN_IJSSEL_OOST_VELUWE")))
                .containsExactly(apeldoornLvb, zutphenSecure);
        assertThat(search(new Wanted().youthRegion("ACHTERHOEK"))).containsExactly(doetinchemCrisis);
        assertThat(search(new Wanted().municipality("GM0301"))).containsExactly(zutphenSecure);
        assertThat(search(new Wanted().providerId(south))).containsExactly(doetinchemCrisis);
        assertThat(search(new Wanted().locationId(zutphen))).containsExactly(zutphenSecure);
        assertThat(search(new Wanted().active(false))).containsExactly(doetinchemCrisis);
        assertThat(search(new Wanted().hasFreePlaces(true))).as("declined, ended and withdrawn ones hold no place")
                .containsExactly(apeldoornLvb, doetinchemCrisis);
        assertThat(search(new Wanted().hasFreePlaces(false))).containsExactly(zutphenSecure);
        assertThat(search(new Wanted().careType("43").youthRegion("MIDDEN_IJSSEL_OOST_VELUWE").hasFreePlaces(true)))
                .containsExactly(apeldoornLvb);
        assertThat(search(new Wanted())).containsExactly(apeldoornLvb, zutphenSecure, doetinchemCrisis);
    }

    @Test
    void findsOffersWithEverySpecialismAskedFor() {
        long apeldoornLvb = craftApeldoorn();
        long zutphenTrauma = rows.offer(zutphen, "43", 3, 2);
        rows.specialisms(zutphenTrauma, "TRAUMA");
        rows.offer(zutphen, "43", 3, 2);

        assertThat(search(new Wanted().specialisms("TRAUMA"))).containsExactly(apeldoornLvb, zutphenTrauma);
        assertThat(search(new Wanted().specialisms("LVB", "TRAUMA"))).containsExactly(apeldoornLvb);
        assertThat(search(new Wanted().specialisms("TRAUMA", "TRAUMA"))).as("a code asked for twice counts once")
                .containsExactly(apeldoornLvb, zutphenTrauma);
        assertThat(search(new Wanted().specialisms("LVB", "ADDICTION"))).isEmpty();
    }

    /** A row holds what the API shows of an offer: the names it stands on, its collections and its free places. */
    @Test
    void readsAnOfferAsTheApiShowsIt() {
        long apeldoornLvb = craftApeldoorn();
        rows.genders(apeldoornLvb, "MALE", "FEMALE");
        long bare = rows.offer(zutphen, "46", 3, 2);

        OfferRow apeldoorn = new OfferRows(jdbc).find(apeldoornLvb).orElseThrow();
        assertThat(apeldoorn.providerName()).isEqualTo("Zorggroep Noord");
        assertThat(apeldoorn.municipalityCode()).isEqualTo("GM0200");
        assertThat(apeldoorn.municipalityName()).isEqualTo("Apeldoorn");
        assertThat(apeldoorn.youthRegion()).isEqualTo("MIDDEN_IJSSEL_OOST_VELUWE");
        assertThat(apeldoorn.careType()).isEqualTo("43");
        assertThat(apeldoorn.securityLevel()).isEqualTo(SecurityLevel.SEMI_SECURE);
        assertThat(apeldoorn.specialisms()).containsExactly("LVB", "TRAUMA");
        assertThat(apeldoorn.acceptedGenders()).containsExactlyInAnyOrder(Gender.MALE, Gender.FEMALE);
        assertThat(apeldoorn.activePlacements()).as("proposed, accepted and started").isEqualTo(3);
        assertThat(apeldoorn.freePlaces()).isEqualTo(1);

        OfferRow zutphenCrisis = new OfferRows(jdbc).find(bare).orElseThrow();
        assertThat(zutphenCrisis.specialisms()).isEmpty();
        assertThat(zutphenCrisis.acceptedGenders()).isEmpty();
        assertThat(zutphenCrisis.freePlaces()).isEqualTo(2);
        assertThat(new OfferRows(jdbc).find(bare + 1000)).isEmpty();
    }

    @Test
    void sortsByTheKeysTheListOffers() {
        long apeldoornLvb = craftApeldoorn();
        long zutphenSecure = rows.offer(zutphen, "46", 3, 2);
        long zutphenLarge = rows.offer(zutphen, "43", 3, 6);

        assertThat(search(new Wanted(), "totalPlaces,desc")).containsExactly(zutphenLarge, apeldoornLvb, zutphenSecure);
        assertThat(search(new Wanted(), "careType,desc", "totalPlaces"))
                .containsExactly(zutphenSecure, apeldoornLvb, zutphenLarge);
    }

    /**
     * A proposal locks the offer, counts the places taken and adds its placement: the next proposal waits, and then
     * counts that placement too, even if it had read the offer before.
     */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLockedOfferMakesTheNextLockWaitAndThenCountsThePlacementTheFirstAdded() throws Exception {
        long offer = craftApeldoorn();
        try {
            List<Integer> freePlaces = race.secondWaitsForFirst(() -> {
                locks.find(offers::findByIdForUpdate, offer).orElseThrow();
                rows.placement(referral, offer, contract, "PROPOSED", Instant.now());
            }, () -> {
                int beforeTheLock = offers.findById(offer).orElseThrow().getFreePlaces();
                int afterTheLock = locks.find(offers::findByIdForUpdate, offer).orElseThrow().getFreePlaces();
                return List.of(beforeTheLock, afterTheLock);
            });
            assertThat(freePlaces).containsExactly(1, 0);
        } finally {
            rows.clear();
        }
    }

    /** The Apeldoorn offer of the javadoc above, and what the others stand on. */
    private long craftApeldoorn() {
        north = rows.provider("Zorggroep Noord");
        south = rows.provider("Zorggroep Zuid");
        zutphen = rows.location(north, "GM0301");
        long officers = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION");
        referral = rows.referral(rows.youth(officers, "GM0200"), officers, "43", "NORMAL", "OPEN");
        contract = rows.contract(north, "C-1", "GM0200", LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));

        long offer = rows.offer(rows.location(north, "GM0200"), "43", 2, 4);
        rows.specialisms(offer, "LVB", "TRAUMA");
        for (String status : List.of("PROPOSED", "ACCEPTED", "STARTED", "DECLINED", "ENDED", "WITHDRAWN")) {
            rows.placement(referral, offer, contract, status, Instant.now());
        }
        return offer;
    }

    private List<Long> search(Wanted wanted, String... sort) {
        return new OfferRows(jdbc)
                .search(wanted.filter(), Paging.pageable(0, 10, List.of(sort), OfferService.SORTABLE))
                .map(OfferRow::id).getContent();
    }

    /** The filters of one search; those not named are {@code null}, as when a request leaves them out. */
    private static final class Wanted {
        private String careType;
        private SecurityLevelDto securityLevel;
        private SecurityLevelDto minSecurityLevel;
        private String youthRegion;
        private String municipality;
        private List<String> specialisms;
        private Boolean hasFreePlaces;
        private Long providerId;
        private Long locationId;
        private Boolean active;

        Wanted careType(String code) {
            careType = code;
            return this;
        }

        Wanted securityLevel(SecurityLevelDto level) {
            securityLevel = level;
            return this;
        }

        Wanted minSecurityLevel(SecurityLevelDto level) {
            minSecurityLevel = level;
            return this;
        }

        Wanted youthRegion(String code) {
            youthRegion = code;
            return this;
        }

        Wanted municipality(String code) {
            municipality = code;
            return this;
        }

        Wanted specialisms(String... codes) {
            specialisms = List.of(codes);
            return this;
        }

        Wanted hasFreePlaces(boolean free) {
            hasFreePlaces = free;
            return this;
        }

        Wanted providerId(long id) {
            providerId = id;
            return this;
        }

        Wanted locationId(long id) {
            locationId = id;
            return this;
        }

        Wanted active(boolean wanted) {
            active = wanted;
            return this;
        }

        OfferService.Filter filter() {
            return new OfferService.Filter(careType, securityLevel, minSecurityLevel, youthRegion, municipality,
                    specialisms, hasFreePlaces, providerId, locationId, active);
        }
    }
}
