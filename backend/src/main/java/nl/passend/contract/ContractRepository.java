package nl.passend.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.lang.Nullable;

import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import nl.passend.provider.Provider;
import nl.passend.provider.Provider_;
import nl.passend.reference.CareType;
import nl.passend.reference.CareType_;
import nl.passend.reference.Municipality;
import nl.passend.reference.Municipality_;

interface ContractRepository extends JpaRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    /**
     * Contracts to which the municipality is a party, in which another's participation is pending, with the provider,
     * that buy the care type, valid on the day (both ends included); {@code null} means any.
     */
    default Page<Contract> search(@Nullable String municipality, @Nullable String awaitingConsentOf,
            @Nullable Long providerId, @Nullable String careType, @Nullable LocalDate validOn, Pageable pageable) {
        return findAll(Specification.allOf(
                municipality == null ? null : takesPart(municipality, ParticipationState.CONFIRMED),
                awaitingConsentOf == null ? null : takesPart(awaitingConsentOf, ParticipationState.PENDING),
                providerId == null ? null : (root, query, cb) ->
                        cb.equal(root.get(Contract_.provider).get(Provider_.id), providerId),
                careType == null ? null : buys(careType),
                validOn == null ? null : (root, query, cb) -> cb.and(
                        cb.lessThanOrEqualTo(root.get(Contract_.validFrom), validOn),
                        cb.greaterThanOrEqualTo(root.get(Contract_.validUntil), validOn))),
                pageable);
    }

    boolean existsByReferenceIgnoreCaseAndIdNot(String reference, long id);

    /**
     * The provider's other contracts valid on at least one day of the period, oldest first, so that a refusal names
     * the earliest clash.
     */
    @Query("""
            select c from Contract c
            where c.provider = :provider and c.validFrom <= :until and c.validUntil >= :from and c.id <> :self
            order by c.validFrom, c.id""")
    List<Contract> findOthersInPeriod(Provider provider, LocalDate from, LocalDate until, long self);

    /** The contracts a lead municipality leads in which the municipality's participation is in this state. */
    @Query("""
            select c from Contract c join c.participations p
            where c.leadMunicipality.code = :lead and key(p).code = :municipality and p.state = :state
            order by c.id""")
    List<Contract> findLedBy(String lead, String municipality, ParticipationState state);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contract c where c.id = :id")
    Optional<Contract> findByIdForUpdate(long id);

    /** With a subquery rather than a join, so that a contract appears once however many municipalities it has. */
    private static Specification<Contract> takesPart(String municipality, ParticipationState state) {
        return (root, query, cb) -> {
            Subquery<Long> taking = query.subquery(Long.class);
            Root<Contract> contract = taking.from(Contract.class);
            MapJoin<Contract, Municipality, Participation> participation = contract.join(Contract_.participations);
            taking.select(contract.get(Contract_.id)).where(cb.equal(contract, root),
                    cb.equal(participation.key().get(Municipality_.code), municipality),
                    cb.equal(participation.value().get(Participation_.state), state));
            return cb.exists(taking);
        };
    }

    private static Specification<Contract> buys(String careType) {
        return (root, query, cb) -> {
            Subquery<Long> buying = query.subquery(Long.class);
            Root<Contract> contract = buying.from(Contract.class);
            MapJoin<Contract, CareType, BigDecimal> tariff = contract.join(Contract_.dailyTariffs);
            buying.select(contract.get(Contract_.id)).where(cb.equal(contract, root),
                    cb.equal(tariff.key().get(CareType_.code), careType));
            return cb.exists(buying);
        };
    }
}
