package nl.passend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OrganisationInputDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Api;
import nl.passend.support.IntegrationTest;
import nl.passend.support.TableCounts;

@IntegrationTest
class AuditTrailTests {

    @Autowired
    Api api;

    @Autowired
    TableCounts tables;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsWhoDidWhatToWhichResourceAndLetsAnAdminFindIt() {
        ProviderDto provider = api.createProvider();
        OfferDto offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0301").getId(), "43",
                SecurityLevelDto.SECURE, 6));
        api.asIntakeOf(provider).delete("/api/v1/offers/" + offer.getId());

        JsonNode events = api.asAdmin().get("/api/v1/audit-events?resourceType=offer&resourceId=" + offer.getId())
                .body().get("content");
        assertThat(events.findValuesAsText("action")).containsExactly("DELETE", "CREATE");
        JsonNode deleted = events.get(0);
        assertThat(deleted.get("username").asText()).isEqualTo("test.intake." + provider.getOrganisationId());
        assertThat(deleted.get("role").asText()).isEqualTo("PROVIDER_INTAKE");
        assertThat(deleted.get("organisationId").asLong()).isEqualTo(provider.getOrganisationId());
        assertThat(deleted.get("occurredAt").asText()).isNotBlank();

        String byUser = "/api/v1/audit-events?action=DELETE&username=" + deleted.get("username").asText();
        assertThat(api.asAdmin().get(byUser).body().get("content").findValuesAsText("resourceId"))
                .containsExactly(offer.getId().toString());
    }

    @Test
    void writesNoEventForAChangeThatIsRefused() {
        long before = events();
        Api.Response refused = api.asAdmin().post("/api/v1/organisations",
                new OrganisationInputDto("", OrganisationTypeDto.POLICE));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void loosesNoChangeWithoutItsEvent() {
        // An actor whose name does not fit the audit trail: the event cannot be written, so neither is the change.
        Actor unrecordable = new Actor("x".repeat(150), Role.ADMIN, 1);
        Map<String, Long> before = tables.now();
        long eventsBefore = events();

        Api.Response response = api.as(unrecordable).post("/api/v1/organisations",
                new OrganisationInputDto(Api.unique("Never registered"), OrganisationTypeDto.POLICE));

        assertThat(response.status()).isGreaterThanOrEqualTo(400);
        assertThat(tables.now()).isEqualTo(before);
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void offersNoWayToChangeOrDeleteAnEvent() {
        api.createProvider();
        long id = jdbc.queryForObject("select max(id) from audit_event", Long.class);
        String event = jdbc.queryForMap("select * from audit_event where id = ?", id).toString();
        Api admin = api.asAdmin();

        // No such resource, and no such method on the one there is.
        assertThat(admin.put("/api/v1/audit-events/" + id, "{\"action\": \"READ\"}").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/audit-events/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/audit-events").status()).isEqualTo(405);
        assertThat(admin.post("/api/v1/audit-events", "{}").status()).isEqualTo(405);
        assertThat(jdbc.queryForMap("select * from audit_event where id = ?", id).toString()).isEqualTo(event);
    }

    @Test
    void refusesBadFilters() {
        Api admin = api.asAdmin();
        assertThat(admin.get("/api/v1/audit-events?action=BURN").violatedFields()).containsExactly("action");
        assertThat(admin.get("/api/v1/audit-events?from=yesterday").violatedFields()).containsExactly("from");
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }
}
