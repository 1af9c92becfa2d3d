package nl.passend.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.shared.Paging;
import nl.passend.shared.RowLocks;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;
import nl.passend.support.TwoTransactions;

@PersistenceTest
class ProviderRepositoryTests {

    @Autowired
    ProviderRepository providers;

    @Autowired
    RowLocks locks;

    @Autowired
    Rows rows;

    @Autowired
    TwoTransactions race;

    @Test
    void findsProvidersByPartOfTheirNameInAnyCaseAndByWhetherTheyAreActive() {
        long north = rows.provider("Zorggroep Noord");
        long south = rows.provider("ZORGGROEP Zuid");
        rows.set("provider", south, Map.of("active", false));
        long east = rows.provider("Kliniek Oost");

        assertThat(ids(providers.search("groep", null, Paging.pageable(0, 10, List.of(), ProviderService.SORTABLE))))
                .containsExactly(north, south);
        assertThat(ids(providers.search("Groep", true, Paging.pageable(0, 10, List.of(), ProviderService.SORTABLE))))
                .containsExactly(north);
        assertThat(ids(providers.search(null, false, Paging.pageable(0, 10, List.of(), ProviderService.SORTABLE))))
                .containsExactly(south);
        assertThat(ids(providers.search(null, null, Paging.pageable(0, 10, List.of(), ProviderService.SORTABLE))))
                .containsExactly(north, south, east);
    }

    @Test
    void sortsByNameAndPages() {
        long north = rows.provider("Zorggroep Noord");
        long south = rows.provider("Zorggroep Zuid");
        long east = rows.provider("Kliniek Oost");

        Page<Provider> first = providers.search(null, null,
                Paging.pageable(0, 2, List.of("name,desc"), ProviderService.SORTABLE));
        assertThat(ids(first)).containsExactly(south, north);
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getTotalPages()).isEqualTo(2);
        assertThat(ids(providers.search(null, null,
                Paging.pageable(1, 2, List.of("name,desc"), ProviderService.SORTABLE)))).containsExactly(east);
    }

    /** Contract checks lock the provider first, so that two overlapping contracts cannot both pass. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLockedProviderMakesTheNextLockWaitAndThenShowsWhatTheFirstCommitted() throws Exception {
        long provider = rows.provider("Zorggroep Noord");
        try {
            boolean activeAfterTheLock = race.secondWaitsForFirst(
                    () -> locks.find(providers::findByIdForUpdate, provider).orElseThrow().setActive(false),
                    () -> locks.find(providers::findByIdForUpdate, provider).orElseThrow().isActive());
            assertThat(activeAfterTheLock).isFalse();
        } finally {
            rows.clear();
        }
    }

    private static List<Long> ids(Page<Provider> page) {
        return page.map(Provider::getId).getContent();
    }
}
