package nl.passend.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.passend.shared.Paging;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;

@PersistenceTest
class OrganisationRepositoryTests {

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    Rows rows;

    long probationApeldoorn;
    long probationZutphen;
    long apeldoorn;
    long police;

    @BeforeEach
    void craft() {
        probationApeldoorn = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION", "GM0200");
        probationZutphen = rows.organisation("Jeugdreclassering Zutphen", "YOUTH_PROBATION", "GM0301");
        rows.set("organisation", probationZutphen, Map.of("active", false));
        apeldoorn = rows.organisation("Gemeente Apeldoorn", "MUNICIPALITY", "GM0200");
        police = rows.organisation("Politie Oost", "POLICE");
    }

    @Test
    void findsOrganisationsByTypeMunicipalityPartOfTheNameAndWhetherTheyAreActive() {
        assertThat(search(OrganisationType.YOUTH_PROBATION, null, null, null))
                .containsExactly(probationApeldoorn, probationZutphen);
        assertThat(search(null, "GM0200", null, null)).containsExactly(probationApeldoorn, apeldoorn);
        assertThat(search(null, null, "apeldoorn", null)).containsExactly(probationApeldoorn, apeldoorn);
        assertThat(search(OrganisationType.YOUTH_PROBATION, null, "APELDOORN", null))
                .containsExactly(probationApeldoorn);
        assertThat(search(null, null, null, false)).containsExactly(probationZutphen);
        assertThat(search(OrganisationType.YOUTH_PROBATION, "GM0301", null, true)).isEmpty();
        assertThat(search(null, null, null, null))
                .containsExactly(probationApeldoorn, probationZutphen, apeldoorn, police);
    }

    @Test
    void sortsByTheKeysTheListOffersAndPages() {
        Page<Organisation> second = organisations.search(null, null, null, null,
                Paging.pageable(1, 2, List.of("name,desc"), OrganisationService.SORTABLE));
        assertThat(second.map(Organisation::getId)).containsExactly(probationApeldoorn, apeldoorn);
        assertThat(second.getTotalElements()).isEqualTo(4);
        assertThat(second.getTotalPages()).isEqualTo(2);

        assertThat(organisations.search(null, null, null, null,
                Paging.pageable(0, 4, List.of("type"), OrganisationService.SORTABLE)).map(Organisation::getId))
                .as("by type, then by id").containsExactly(apeldoorn, police, probationApeldoorn, probationZutphen);
    }

    /**
     * Two edits that both passed the check of the version the client sent: the one that commits second must not
     * overwrite the first unseen. The same holds for every row with a version.
     */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void refusesToWriteAnOrganisationThatChangedSinceItWasRead(@Autowired PlatformTransactionManager manager,
            @Autowired JdbcClient jdbc) {
        TransactionTemplate transaction = new TransactionTemplate(manager);
        TransactionTemplate another = new TransactionTemplate(manager);
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long organisation = rows.organisation("Jeugdreclassering Twente", "YOUTH_PROBATION");
        try {
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                Organisation read = organisations.findById(organisation).orElseThrow();
                another.executeWithoutResult(meanwhile ->
                        organisations.findById(organisation).orElseThrow().setName("Jeugdreclassering Twente-Oost"));
                read.setName("Jeugdreclassering Twente-West");
            })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

            assertThat(jdbc.sql("select name from organisation where id = ?").param(organisation).query(String.class)
                    .single()).isEqualTo("Jeugdreclassering Twente-Oost");
        } finally {
            rows.clear();
        }
    }

    private List<Long> search(OrganisationType type, String municipality, String name, Boolean active) {
        Pageable firstPage = Paging.pageable(0, 10, List.of(), OrganisationService.SORTABLE);
        return organisations.search(type, municipality, name, active, firstPage).map(Organisation::getId).getContent();
    }
}
