package nl.passend.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.ProviderInputDto;
import nl.passend.api.model.ProviderPageDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.organisation.Organisation;
import nl.passend.organisation.OrganisationService;
import nl.passend.organisation.OrganisationType;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.RowLocks;

/**
 * Registers care-provider organisations as providers; only admins do (SecurityConfiguration). A provider's row is
 * also the lock under which its contracts change (see {@link #requireLocked}).
 */
@Service
@Transactional
public class ProviderService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "organisation.name");

    private final ProviderRepository providers;
    private final OrganisationService organisations;
    private final RegistryEdits edits;
    private final RowLocks locks;
    private final ProviderMapper mapper;

    ProviderService(ProviderRepository providers, OrganisationService organisations, RegistryEdits edits,
            RowLocks locks, ProviderMapper mapper) {
        this.providers = providers;
        this.organisations = organisations;
        this.edits = edits;
        this.locks = locks;
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    ProviderPageDto list(@Nullable String name, @Nullable Boolean active, int page, int size, List<String> sort) {
        return mapper.toPageDto(providers.search(name, active, Paging.pageable(page, size, sort, SORTABLE)));
    }

    /** The active providers' names by id, in the order of their names: to choose one from, such as a contract's. */
    @Transactional(readOnly = true)
    public Map<Long, String> activeNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        providers.search(null, true, Paging.pageable(0, Integer.MAX_VALUE, List.of("name"), SORTABLE))
                .forEach(provider -> names.put(provider.getId(), provider.getName()));
        return names;
    }

    @Transactional(readOnly = true)
    ProviderDto get(long id) {
        return mapper.toDto(find(id));
    }

    ProviderDto create(ProviderInputDto input) {
        Provider provider = new Provider();
        apply(input, provider);
        return edits.create(providers, "provider", provider, mapper::toDto);
    }

    ProviderDto update(long id, ProviderInputDto input) {
        return edits.update(providers, "provider", find(id), input.getVersion(), provider -> apply(input, provider),
                mapper::toDto);
    }

    void delete(long id) {
        edits.delete(providers, "provider", find(id), "locations or contracts");
    }

    /** The provider a request names in {@code field}. */
    public Provider require(String field, long id) {
        return providers.findById(id).orElseThrow(() -> InvalidRequestException.unknown(field, "provider", id));
    }

    /**
     * The provider a request names in {@code field}, locked until the transaction ends, so that checks across
     * the provider's contracts cannot race with another change of them. Only contract edits take this lock, before
     * they write anything, and placements never do: it adds no cycle to the lock order of {@link RowLocks}.
     */
    public Provider requireLocked(String field, long id) {
        return locks.require(providers::findByIdForUpdate, field, "provider", id);
    }

    private Provider find(long id) {
        return providers.findById(id).orElseThrow(() -> new NotFoundException("provider", id));
    }

    private void apply(ProviderInputDto input, Provider provider) {
        Organisation organisation = organisations.require("organisationId", input.getOrganisationId());
        if (organisation.getType() != OrganisationType.CARE_PROVIDER) {
            throw new InvalidRequestException("organisationId",
                    "must be a CARE_PROVIDER organisation, not a " + organisation.getType());
        }
        long self = provider.getId() == null ? 0 : provider.getId();
        // Checked here to name the clash; the unique keys still refuse a concurrent twin, as a plainer 409.
        if (providers.existsByOrganisation_IdAndIdNot(organisation.getId(), self)) {
            throw new ConflictException(Refusal.of("refusal.provider.alreadyRegistered", organisation.getId()));
        }
        if (input.getAgbCode() != null && providers.existsByAgbCodeAndIdNot(input.getAgbCode(), self)) {
            throw new ConflictException(Refusal.of("refusal.provider.agbCodeTaken", input.getAgbCode()));
        }
        provider.setOrganisation(organisation);
        provider.setAgbCode(input.getAgbCode());
        provider.setActive(!Boolean.FALSE.equals(input.getActive()));
    }
}
