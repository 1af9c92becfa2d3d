package nl.passend.matching;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import nl.passend.referral.Urgency;
import nl.passend.solver.UnmetDemandReason;

interface MatchingOutcomeRepository extends JpaRepository<MatchingOutcome, MatchingOutcome.Key> {

    /** How many referrals of each urgency a run placed (no reason) or left unplaced (for a reason). */
    record Count(long runId, Urgency urgency, UnmetDemandReason unmetReason, long count) {
    }

    @Query("""
            select new nl.passend.matching.MatchingOutcomeRepository$Count(o.runId, o.urgency, o.unmetReason, count(o))
            from MatchingOutcome o where o.runId in :runIds group by o.runId, o.urgency, o.unmetReason""")
    List<Count> countByRun(Collection<Long> runIds);

    List<MatchingOutcome> findByRunIdAndOfferIdNotNullOrderByReferralId(long runId);

    /** The outcome of the latest finished run that matched the referral. */
    @Query("""
            select o from MatchingOutcome o, MatchingRun r
            where r.id = o.runId and o.referralId = :referralId and r.status = nl.passend.matching.MatchingRunStatus.DONE
            order by r.finishedAt desc, r.id desc""")
    List<MatchingOutcome> findLatestDone(long referralId, Limit limit);
}
