package nl.passend.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.passend.api.model.CapacityReportDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.StaleVersionException;
import nl.passend.shared.Violation;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;

/**
 * A provider's capacity report of several offers at once (the capacity page, {@link CapacityPages}): all saved, each
 * on its version and audited, or none; and the intake's own offers to report on.
 */
@IntegrationTest
class CapacityReportsTests {

    @Autowired
    Api api;
    @Autowired
    OfferService offers;
    @Autowired
    CurrentActor currentActor;
    @Autowired
    JdbcTemplate jdbc;

    ProviderDto provider;
    Actor intake;
    OfferDto first;
    OfferDto second;

    @BeforeEach
    void twoOffers() {
        provider = api.createProvider();
        intake = new Actor("test.intake." + provider.getOrganisationId(), Role.PROVIDER_INTAKE,
                provider.getOrganisationId());
        long location = api.createLocation(provider, "GM0200").getId();
        first = api.createOffer(Api.offer(location, "43", SecurityLevelDto.SEMI_SECURE, 8));
        second = api.createOffer(Api.offer(location, "44", SecurityLevelDto.OPEN, 10));
    }

    @Test
    void listsOnlyTheIntakesOwnOffers() {
        ProviderDto other = api.createProvider();
        api.createOffer(Api.offer(api.createLocation(other, "GM0301").getId(), "43", SecurityLevelDto.SECURE, 4));
        List<OfferDto> own = as(intake, () -> offers.own());
        assertThat(own).extracting(OfferDto::getId).containsExactlyInAnyOrder(first.getId(), second.getId());
    }

    @Test
    void savesEveryReportAtOnceEachOnItsVersionAndAudited() {
        List<OfferDto> saved = as(intake, () -> offers.reportCapacities(List.of(
                report(first, 9, 2), report(second, 10, 10))));
        assertThat(saved).extracting(OfferDto::getFreePlaces).containsExactly(7, 0);
        assertThat(places(first)).isEqualTo(9);
        assertThat(places(second)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where resource_type = 'offer' and action = "
                + "'UPDATE' and resource_id in (?, ?)", Long.class, String.valueOf(first.getId()),
                String.valueOf(second.getId()))).isEqualTo(2);
    }

    @Test
    void aReportThatBreaksARuleNamesItsRowAndNothingIsSaved() {
        assertThatThrownBy(() -> as(intake, () -> offers.reportCapacities(List.of(
                report(first, 9, 2), report(second, 10, 11)))))
                .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.violations())
                        .extracting(Violation::field).containsExactly("reports[1].externallyOccupied"));
        assertThat(places(first)).isEqualTo(8);
    }

    @Test
    void aStaleVersionOrAnotherProvidersOfferSavesNothing() {
        OfferDto changedMeanwhile = as(intake, () -> offers.reportCapacity(second.getId(),
                new CapacityReportDto(12, second.getVersion())));
        assertThat(changedMeanwhile.getVersion()).isGreaterThan(second.getVersion());
        assertThatThrownBy(() -> as(intake, () -> offers.reportCapacities(List.of(
                report(first, 9, 2), report(second, 10, 0))))).isInstanceOf(StaleVersionException.class);
        assertThat(places(first)).isEqualTo(8);
        assertThat(places(second)).isEqualTo(12);

        ProviderDto other = api.createProvider();
        OfferDto others = api.createOffer(Api.offer(api.createLocation(other, "GM0301").getId(), "43",
                SecurityLevelDto.SECURE, 4));
        assertThatThrownBy(() -> as(intake, () -> offers.reportCapacities(List.of(
                report(first, 9, 2), report(others, 5, 0))))).isInstanceOf(NotFoundException.class);
        assertThat(places(first)).isEqualTo(8);
        assertThat(places(others)).isEqualTo(4);
    }

    private static OfferService.OfferCapacity report(OfferDto offer, int total, int external) {
        return new OfferService.OfferCapacity(offer.getId(),
                new CapacityReportDto(total, offer.getVersion()).externallyOccupied(external));
    }

    private int places(OfferDto offer) {
        return jdbc.queryForObject("select total_places from offer where id = ?", Integer.class, offer.getId());
    }

    private <T> T as(Actor actor, java.util.function.Supplier<T> work) {
        return currentActor.runAs(actor, work);
    }
}
