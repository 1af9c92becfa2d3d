package nl.passend.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.api.model.ReferralClosingDto;
import nl.passend.api.model.ReferralDto;
import nl.passend.api.model.ReferralInputDto;
import nl.passend.api.model.ReferralPageDto;
import nl.passend.api.model.ReferralStatusChangeDto;
import nl.passend.api.model.ReferralStatusDto;
import nl.passend.api.model.UrgencyDto;
import nl.passend.api.model.YouthInputDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.reference.Gender;
import nl.passend.reference.Municipality;
import nl.passend.reference.ReferenceDataService;
import nl.passend.reference.SecurityLevel;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.RowLocks;
import nl.passend.shared.StaleVersionException;
import nl.passend.shared.Violation;

/**
 * Referrals as their probation officers see them: only their own organisation's, every read and change audited.
 * Reads write audit events, so no method here runs in a read-only transaction.
 */
@Service
@Transactional
public class ReferralService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE = Map.of("id", "id", "createdAt", "createdAt",
            "requestedStart", "requestedStart", "urgency", "urgency");
    /** Forensic youth care serves youths from 12, and under adolescent criminal law up to 23; a margin either side. */
    private static final int YOUNGEST = 10;
    private static final int OLDEST = 27;
    private static final int MOST_DAYS_AHEAD = 365;

    private final ReferralRepository referrals;
    private final YouthRepository youths;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final RowLocks locks;
    private final ApplicationEventPublisher events;
    private final ReferralMapper mapper;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReferralService(ReferralRepository referrals, YouthRepository youths, ReferenceDataService referenceData,
            CurrentActor currentActor, AuditTrail audit, RowLocks locks, ApplicationEventPublisher events,
            ReferralMapper mapper, ObjectMapper json, TransactionTemplate transactions, Clock clock) {
        this.referrals = referrals;
        this.youths = youths;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.audit = audit;
        this.locks = locks;
        this.events = events;
        this.mapper = mapper;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Refers a youth. With an idempotency key, a retry of the same request answers the referral the first one made,
     * and the same key with another request is refused. Each attempt runs in a transaction of its own, so that a
     * second attempt can follow one that lost a race on the unique key.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    ReferralDto create(ReferralInputDto input, @Nullable String idempotencyKey) {
        String hash = hash(input);
        try {
            return transactions.execute(status -> createOrReplay(input, idempotencyKey, hash));
        } catch (DataIntegrityViolationException race) {
            // A concurrent request committed the same key or the same new youth first: this one is now a retry.
            return transactions.execute(status -> createOrReplay(input, idempotencyKey, hash));
        }
    }

    ReferralPageDto list(@Nullable ReferralStatusDto status, @Nullable UrgencyDto urgency, int page, int size,
            List<String> sort) {
        long organisation = currentActor.get().organisationId();
        Page<Referral> found = referrals.search(organisation,
                status == null ? null : ReferralStatus.valueOf(status.name()),
                urgency == null ? null : Urgency.valueOf(urgency.name()), Paging.pageable(page, size, sort, SORTABLE));
        // Every referral on the page is a read of youth data, audited one by one (DESIGN.md, Security and privacy).
        found.forEach(referral -> audit.record(AuditAction.READ, "referral", referral.getId()));
        return mapper.toPageDto(found);
    }

    ReferralDto get(long id) {
        Referral referral = findOwn(id);
        audit.record(AuditAction.READ, "referral", id);
        return mapper.toDto(referral);
    }

    List<ReferralStatusChangeDto> history(long id) {
        Referral referral = findOwn(id);
        audit.record(AuditAction.READ, "referral", id);
        return mapper.toHistoryDtos(referral.getHistory());
    }

    /** Withdraws or cancels a referral before care starts; its open proposals end with it. */
    ReferralDto close(long id, ReferralClosingDto closing, ReferralStatus closed) {
        Referral referral = findOwn(id);
        StaleVersionException.requireCurrent("referral", id, referral.getVersion(), closing.getVersion());
        if (!ReferralStatus.CLOSABLE.contains(referral.getStatus())) {
            throw new ConflictException(Refusal.of("refusal.referral.notClosable." + closed, id, referral.getStatus(),
                    closed));
        }
        advance(referral, closed, closing.getReason().strip());
        // An event, not a call: placement depends on referral, never the reverse (ArchitectureTests).
        events.publishEvent(new ReferralClosed(id, closed, closing.getReason().strip()));
        return mapper.toDto(referrals.saveAndFlush(referral));
    }

    /** The OPEN referrals of youths living in the youth region, or in any region when it is {@code null}. */
    @Transactional(readOnly = true)
    public List<Referral> open(@Nullable String youthRegion) {
        return referrals.findOpen(ReferralStatus.OPEN, youthRegion);
    }

    /** A referral of the current actor's own organisation; any other is not found. */
    @Transactional(readOnly = true)
    public Referral requireOwn(long id) {
        return findOwn(id);
    }

    /**
     * Whether the current actor is an officer of the organisation that made the referral, which knows all that is
     * known of the youth; to anyone else, a planner say, nothing derived from the youth may be told (DESIGN.md,
     * Security and privacy).
     */
    public boolean isOwn(Referral referral) {
        Actor actor = currentActor.get();
        return actor.is(Role.PROBATION_OFFICER) && actor.belongsTo(referral.getOrganisationId());
    }

    /**
     * The referral a request names in {@code field}, locked until the transaction ends and read after the lock; it is
     * locked before its offer and contract (see {@link RowLocks}).
     */
    public Referral requireLocked(String field, long id) {
        return locks.require(referrals::findByIdForUpdate, field, "referral", id);
    }

    /** Moves a referral to a status, such as the one its placement reached, as the current actor; audited. */
    public void advance(Referral referral, ReferralStatus next, String reason) {
        referral.moveTo(next, clock.instant(), currentActor.get().username(), reason);
        audit.record(AuditAction.UPDATE, "referral", referral.getId());
    }

    /** Records that the current actor read (part of) a referral through another resource, such as its placement. */
    public void auditRead(Referral referral) {
        audit.record(AuditAction.READ, "referral", referral.getId());
    }

    private ReferralDto createOrReplay(ReferralInputDto input, @Nullable String idempotencyKey, String hash) {
        Actor actor = currentActor.get();
        if (idempotencyKey != null) {
            var earlier = referrals.findByOrganisationIdAndIdempotencyKey(actor.organisationId(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!hash.equals(earlier.get().getRequestHash())) {
                    throw new ConflictException(Refusal.of("refusal.referral.idempotencyKeyReused", idempotencyKey));
                }
                // Answering a retry shows the referral again: a read, audited.
                audit.record(AuditAction.READ, "referral", earlier.get().getId());
                return mapper.toDto(earlier.get());
            }
        }
        validate(input);
        YouthInputDto given = input.getYouth();
        Gender gender = Gender.valueOf(given.getGender().name());
        Municipality home = referenceData.requireMunicipality("youth.homeMunicipality", given.getHomeMunicipality());
        // A pseudonym is the organisation's own: another organisation's referral of the same person is another youth.
        Youth youth = youths.findByOrganisationIdAndPseudonym(actor.organisationId(), given.getPseudonym())
                .orElse(null);
        if (youth == null) {
            youth = new Youth(actor.organisationId(), given.getPseudonym());
            youth.describe(given.getBirthDate(), gender, home);
            youths.save(youth);
        } else if (!youth.isDescribedAs(given.getBirthDate(), gender, home)) {
            // Earlier referrals were matched and paid for on what is known of the youth: it is not rewritten here.
            throw new ConflictException(Refusal.of("refusal.referral.pseudonymTaken", given.getPseudonym()));
        }

        Referral referral = new Referral(youth, actor.organisationId(), actor.username(), clock.instant());
        referral.describeNeeds(LegalFramework.valueOf(input.getLegalFramework().name()),
                referenceData.requireCareType("careType", input.getCareType()),
                SecurityLevel.valueOf(input.getMinSecurityLevel().name()),
                referenceData.requireSpecialisms("requiredSpecialisms", orEmpty(input.getRequiredSpecialisms())),
                Urgency.valueOf(input.getUrgency().name()), input.getRequestedStart(), input.getExpectedDurationDays(),
                referenceData.requireMunicipalities("excludedMunicipalities",
                        orEmpty(input.getExcludedMunicipalities())),
                input.getCoDefendantGroup(), input.getContextNote());
        referral.rememberRequest(idempotencyKey, hash);
        referral.moveTo(ReferralStatus.OPEN, clock.instant(), actor.username(), "referred");
        Referral saved = referrals.saveAndFlush(referral);
        audit.record(AuditAction.CREATE, "referral", saved.getId());
        return mapper.toDto(saved);
    }

    private void validate(ReferralInputDto input) {
        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate birthDate = input.getYouth().getBirthDate();
        if (!birthDate.isBefore(today)) {
            violations.add(new Violation("youth.birthDate", Refusal.of("refusal.field.inThePast")));
        } else {
            int age = Period.between(birthDate, input.getRequestedStart()).getYears();
            if (age < YOUNGEST || age > OLDEST) {
                violations.add(new Violation("youth.birthDate", Refusal.of("refusal.field.youthAge", age, YOUNGEST,
                        OLDEST)));
            }
        }
        if (input.getRequestedStart().isAfter(today.plusDays(MOST_DAYS_AHEAD))) {
            violations.add(new Violation("requestedStart", Refusal.of("refusal.field.daysAhead", MOST_DAYS_AHEAD)));
        }
        if (input.getExcludedMunicipalities() != null
                && input.getExcludedMunicipalities().contains(input.getYouth().getHomeMunicipality())) {
            violations.add(new Violation("excludedMunicipalities", Refusal.of("refusal.field.excludesHome")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /**
     * Another organisation's referral is answered 404, not 403: of criminal-law data of minors not even the existence
     * is revealed (DESIGN.md, Security and privacy; AVG art. 10).
     */
    private Referral findOwn(long id) {
        return referrals.findById(id)
                .filter(referral -> currentActor.get().belongsTo(referral.getOrganisationId()))
                .orElseThrow(() -> new NotFoundException("referral", id));
    }

    /** A hash of the request that does not depend on the order in which sets are listed. */
    private String hash(ReferralInputDto input) {
        input.setRequiredSpecialisms(input.getRequiredSpecialisms() == null ? null
                : new TreeSet<>(input.getRequiredSpecialisms()));
        input.setExcludedMunicipalities(input.getExcludedMunicipalities() == null ? null
                : new TreeSet<>(input.getExcludedMunicipalities()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Set<T> orEmpty(@Nullable Set<T> values) {
        return values == null ? Set.of() : values;
    }
}
