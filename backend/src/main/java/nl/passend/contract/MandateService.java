package nl.passend.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.MandateDto;
import nl.passend.api.model.MandateInputDto;
import nl.passend.api.model.MandatePageDto;
import nl.passend.api.model.MandateStatusDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.organisation.OrganisationService;
import nl.passend.reference.CareType;
import nl.passend.reference.Municipality;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.CurrentActor;
import nl.passend.shared.ConflictException;
import nl.passend.shared.ForbiddenException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.Violation;

/**
 * Keeps mandates (DESIGN.md, Mandates): a purchaser grants one for its own municipality only, and only a purchaser of
 * that municipality revokes it. Granting confirms the pending participations it covers at once; revoking confirms
 * nothing new and undoes nothing, because the contracts it confirmed were entered into with consent.
 */
@Service
@Transactional
class MandateService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "validFrom", "validFrom",
            "validUntil", "validUntil");

    private final MandateRepository mandates;
    private final ContractService contracts;
    private final OrganisationService organisations;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final RegistryEdits edits;
    private final MandateMapper mapper;
    private final Clock clock;

    MandateService(MandateRepository mandates, ContractService contracts, OrganisationService organisations,
            ReferenceDataService referenceData, CurrentActor currentActor, RegistryEdits edits, MandateMapper mapper,
            Clock clock) {
        this.mandates = mandates;
        this.contracts = contracts;
        this.organisations = organisations;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.edits = edits;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    MandatePageDto list(@Nullable String granting, @Nullable String lead, @Nullable String careType,
            @Nullable LocalDate validOn, @Nullable MandateStatusDto status, int page, int size, List<String> sort) {
        if (careType != null) {
            referenceData.requireCareType("careType", careType);
        }
        Boolean revoked = status == null ? null : status == MandateStatusDto.REVOKED;
        return mapper.toPageDto(mandates.search(granting, lead, careType, validOn, revoked,
                Paging.pageable(page, size, sort, SORTABLE)));
    }

    /** The mandates the purchaser's own municipality has granted, the latest period first. */
    @Transactional(readOnly = true)
    MandatePageDto listOwn(int page, int size) {
        return list(purchasersMunicipality(), null, null, null, null, page, size,
                List.of("validFrom,desc", "id,desc"));
    }

    /** The municipality the purchaser grants mandates for; none for a purchaser of no municipality (403). */
    @Transactional(readOnly = true)
    String ownMunicipality() {
        return purchasersMunicipality();
    }

    @Transactional(readOnly = true)
    MandateDto get(long id) {
        return mapper.toDto(find(id));
    }

    MandateDto grant(MandateInputDto input) {
        List<Violation> violations = new ArrayList<>();
        if (input.getLeadMunicipality().equals(input.getGrantingMunicipality())) {
            violations.add(new Violation("leadMunicipality", Refusal.of("refusal.field.leadIsGranting",
                    input.getGrantingMunicipality())));
        }
        if (input.getValidUntil().isBefore(input.getValidFrom())) {
            violations.add(new Violation("validUntil",
                    Refusal.of("refusal.field.notBeforeValidFrom", input.getValidFrom())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Municipality granting = referenceData.requireMunicipality("grantingMunicipality",
                input.getGrantingMunicipality());
        Municipality lead = referenceData.requireMunicipality("leadMunicipality", input.getLeadMunicipality());
        Set<CareType> careTypes = new LinkedHashSet<>();
        for (String code : input.getCareTypes()) {
            careTypes.add(referenceData.requireCareType("careTypes", code));
        }
        String own = purchasersMunicipality();
        if (!granting.getCode().equals(own)) {
            throw new ForbiddenException("You may grant mandates only for your own municipality (" + own + ").");
        }
        Mandate mandate = new Mandate(granting, lead, careTypes, input.getValidFrom(), input.getValidUntil(),
                now());
        MandateDto granted = edits.create(mandates, "mandate", mandate, mapper::toDto);
        contracts.confirmCoveredBy(mandate);
        return granted;
    }

    MandateDto revoke(long id, Long version) {
        Mandate mandate = find(id);
        // Another municipality's mandate is answered as if it did not exist, as another's contract is.
        if (!mandate.getGrantingMunicipality().getCode().equals(purchasersMunicipality())) {
            throw new NotFoundException("mandate", id);
        }
        if (mandate.isRevoked()) {
            throw new ConflictException(Refusal.of("refusal.mandate.revoked", id, mandate.getRevokedAt()));
        }
        return edits.update(mandates, "mandate", mandate, version, revoked -> revoked.revoke(now()),
                mapper::toDto);
    }

    /** To the second, as every database keeps it, so that the answer shows what a later read will. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private Mandate find(long id) {
        return mandates.findById(id).orElseThrow(() -> new NotFoundException("mandate", id));
    }

    private String purchasersMunicipality() {
        return organisations.municipalityOf(currentActor.get().organisationId())
                .orElseThrow(() -> new ForbiddenException("Only a purchaser of a municipality keeps mandates."));
    }
}
