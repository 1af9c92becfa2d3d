package nl.passend.referral;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.lang.Nullable;

import jakarta.persistence.LockModeType;

interface ReferralRepository extends JpaRepository<Referral, Long>, JpaSpecificationExecutor<Referral> {

    /** The organisation's referrals in the status, of the urgency; {@code null} means any. */
    default Page<Referral> search(long organisationId, @Nullable ReferralStatus status, @Nullable Urgency urgency,
            Pageable pageable) {
        return findAll(Specification.allOf(
                (root, query, cb) -> cb.equal(root.get(Referral_.organisationId), organisationId),
                status == null ? null : (root, query, cb) -> cb.equal(root.get(Referral_.status), status),
                urgency == null ? null : (root, query, cb) -> cb.equal(root.get(Referral_.urgency), urgency)),
                pageable);
    }

    Optional<Referral> findByOrganisationIdAndIdempotencyKey(long organisationId, String idempotencyKey);

    @Query("""
            select r from Referral r join fetch r.youth y join fetch y.homeMunicipality m
            where r.status = :status and (:youthRegion is null or m.youthRegion.code = :youthRegion)
            order by r.id""")
    List<Referral> findOpen(ReferralStatus status, @Nullable String youthRegion);

    /**
     * Closed referrals not yet erased whose last status change is older than the cut-off, oldest id first: what the
     * retention job erases next.
     */
    @Query("""
            select r.id from Referral r
            where r.erasedAt is null and r.status in :closed
              and (select max(c.changedAt) from ReferralStatusChange c where c.referral = r) < :closedBefore
            order by r.id""")
    List<Long> findErasable(Collection<ReferralStatus> closed, Instant closedBefore, Limit limit);

    boolean existsByYouth_IdAndErasedAtIsNull(long youthId);

    /**
     * Retention: the history stays (who changed the status, when) but its free-text reasons go. The history is
     * immutable to the application, so this is the one statement that changes it.
     */
    @Modifying
    @Query(value = "update referral_status_change set reason = null where referral_id = :referralId",
            nativeQuery = true)
    void eraseReasons(long referralId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Referral r where r.id = :id")
    Optional<Referral> findByIdForUpdate(long id);
}
