package nl.passend.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationInputDto;
import nl.passend.api.model.OrganisationPageDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.reference.Municipality;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;

/**
 * Registers and changes the organisations of the region. Only admins change them, for every party
 * (SecurityConfiguration), so nothing here is scoped to the caller's own organisation.
 */
@Service
@Transactional
public class OrganisationService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "type", "type");

    private final OrganisationRepository organisations;
    private final ReferenceDataService referenceData;
    private final RegistryEdits edits;
    private final OrganisationMapper mapper;
    private final OrganisationMembers members;

    OrganisationService(OrganisationRepository organisations, ReferenceDataService referenceData, RegistryEdits edits,
            OrganisationMapper mapper, OrganisationMembers members) {
        this.organisations = organisations;
        this.referenceData = referenceData;
        this.edits = edits;
        this.mapper = mapper;
        this.members = members;
    }

    @Transactional(readOnly = true)
    OrganisationPageDto list(@Nullable OrganisationTypeDto type, @Nullable String municipality, @Nullable String name,
            @Nullable Boolean active, int page, int size, List<String> sort) {
        return mapper.toPageDto(organisations.search(type == null ? null : OrganisationType.valueOf(type.name()),
                municipality, name, active, Paging.pageable(page, size, sort, SORTABLE)));
    }

    @Transactional(readOnly = true)
    OrganisationDto get(long id) {
        return mapper.toDto(find(id));
    }

    OrganisationDto create(OrganisationInputDto input) {
        Organisation organisation = new Organisation();
        apply(input, organisation);
        return edits.create(organisations, "organisation", organisation, mapper::toDto);
    }

    OrganisationDto update(long id, OrganisationInputDto input) {
        return edits.update(organisations, "organisation", find(id), input.getVersion(),
                organisation -> apply(input, organisation), mapper::toDto);
    }

    /** Users and a provider refer to an organisation; deactivating it is the way to end it while they exist. */
    void delete(long id) {
        edits.delete(organisations, "organisation", find(id), "a provider or users");
    }

    /** The organisation a request names in {@code field}. */
    public Organisation require(String field, long id) {
        return organisations.findById(id).orElseThrow(() -> InvalidRequestException.unknown(field, "organisation", id));
    }

    /** Every organisation's name by its id, in the order of the names: the choices of a form. */
    @Transactional(readOnly = true)
    public Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        organisations.findAll(Sort.by("name", "id")).forEach(organisation -> names.put(organisation.getId(),
                organisation.getName()));
        return names;
    }

    /** The name of an organisation, if it exists. */
    @Transactional(readOnly = true)
    public Optional<String> nameOf(long id) {
        return organisations.findById(id).map(Organisation::getName);
    }

    /** The CBS code of the municipality an organisation is, if it is one. */
    @Transactional(readOnly = true)
    public Optional<String> municipalityOf(long id) {
        return organisations.findById(id).map(Organisation::getMunicipality).map(Municipality::getCode);
    }

    private Organisation find(long id) {
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("organisation", id));
    }

    private void apply(OrganisationInputDto input, Organisation organisation) {
        OrganisationType type = OrganisationType.valueOf(input.getType().name());
        if (type == OrganisationType.MUNICIPALITY && input.getMunicipalityCode() == null) {
            throw new InvalidRequestException("municipalityCode", Refusal.of("refusal.field.municipalityCodeNeeded"));
        }
        if (type != OrganisationType.MUNICIPALITY && input.getMunicipalityCode() != null) {
            throw new InvalidRequestException("municipalityCode",
                    Refusal.of("refusal.field.municipalityCodeAbsent", type));
        }
        String name = input.getName().strip();
        if (name.isEmpty()) {
            throw new InvalidRequestException("name", Refusal.of("refusal.field.notBlank"));
        }
        long self = organisation.getId() == null ? 0 : organisation.getId();
        // Checked here to name the clash; the unique key still refuses a concurrent twin, as a plainer 409.
        if (organisations.existsByNameIgnoreCaseAndIdNot(name, self)) {
            throw new ConflictException(Refusal.of("refusal.organisation.nameTaken", name));
        }
        if (input.getMunicipalityCode() != null
                && organisations.existsByMunicipalityCodeAndIdNot(input.getMunicipalityCode(), self)) {
            throw new ConflictException(Refusal.of("refusal.organisation.municipalityTaken",
                    input.getMunicipalityCode()));
        }
        boolean active = !Boolean.FALSE.equals(input.getActive());
        if (organisation.getId() != null) {
            members.checkChange(organisation, type, active);
        }
        organisation.setName(name);
        organisation.setType(type);
        organisation.setMunicipality(input.getMunicipalityCode() == null ? null
                : referenceData.requireMunicipality("municipalityCode", input.getMunicipalityCode()));
        organisation.setActive(active);
    }
}
