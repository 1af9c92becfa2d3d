package nl.passend.matching;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import nl.passend.api.model.ChosenOfferDto;
import nl.passend.api.model.MatchingAssignmentDto;
import nl.passend.api.model.MatchingExplanationDto;
import nl.passend.api.model.MatchingOptimalityDto;
import nl.passend.api.model.MatchingResultDto;
import nl.passend.api.model.MatchingRunDto;
import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.api.model.MatchingScheduleDto;
import nl.passend.api.model.MatchingScoreDto;
import nl.passend.api.model.OfferNoteDto;
import nl.passend.api.model.UnmetDemandReasonDto;
import nl.passend.api.model.UrgencyCountsDto;
import nl.passend.api.model.UrgencyDto;
import nl.passend.referral.Urgency;
import nl.passend.shared.TimeMapping;
import nl.passend.solver.Explanation;
import nl.passend.solver.Phrase;
import nl.passend.solver.ScoreBound;

/** Shows runs with counts and ids only, and explanations with the solver's phrases worded in one language. */
@Mapper(uses = TimeMapping.class)
interface MatchingMapper {

    /** Words a phrase in the reader's language. */
    interface Words {
        String word(Phrase phrase);
    }

    @Mapping(target = "distanceKm", source = "distanceKilometres")
    ChosenOfferDto toDto(Explanation.Chosen chosen, @Context Words words);

    @Mapping(target = "distanceKm", source = "distanceKilometres")
    OfferNoteDto toDto(Explanation.OfferNote note, @Context Words words);

    List<OfferNoteDto> toNoteDtos(List<Explanation.OfferNote> notes, @Context Words words);

    default String word(Phrase phrase, @Context Words words) {
        return words.word(phrase);
    }

    default MatchingExplanationDto toDto(Explanation explanation, long runId, OffsetDateTime explainedAt,
            Words words) {
        String summary = explanation.summary().stream().map(words::word).collect(Collectors.joining(" "));
        return new MatchingExplanationDto(explanation.referralId(), runId, explainedAt, summary,
                toNoteDtos(explanation.alternatives(), words), toNoteDtos(explanation.notEligible(), words))
                .chosen(explanation.chosen() == null ? null : toDto(explanation.chosen(), words))
                .unmetReason(explanation.unmetReason() == null ? null
                        : UnmetDemandReasonDto.valueOf(explanation.unmetReason().name()));
    }

    /**
     * @param counts the run's outcomes counted by urgency and reason
     * @param assigned the run's assignments, or {@code null} to leave them out
     */
    @Mapping(target = "youthRegion", source = "youthRegionCode")
    @Mapping(target = "timeZone", constant = "Europe/Amsterdam")
    @Mapping(target = "nextRunAt", ignore = true)
    MatchingScheduleDto toDto(MatchingSchedule schedule);

    default MatchingRunDto toDto(MatchingRun run, Long elapsedMillis, List<MatchingOutcomeRepository.Count> counts,
            List<MatchingOutcome> assigned) {
        MatchingRunDto dto = new MatchingRunDto(run.getId(), MatchingRunStatusDto.valueOf(run.getStatus().name()),
                run.getTimeLimitSeconds(), run.getRequestedBy(), TimeMapping.toOffsetDateTime(run.getRequestedAt()))
                .youthRegion(run.getYouthRegionCode())
                .startedAt(TimeMapping.toOffsetDateTime(run.getStartedAt()))
                .finishedAt(TimeMapping.toOffsetDateTime(run.getFinishedAt()))
                .elapsedMillis(elapsedMillis)
                .failure(run.getFailure())
                .appliedAt(TimeMapping.toOffsetDateTime(run.getAppliedAt()))
                .appliedBy(run.getAppliedBy());
        if (run.getHardScore() != null) {
            dto.bestScore(new MatchingScoreDto(run.getHardScore(), run.getMediumScore(), run.getSoftScore()));
        }
        if (run.getStatus() == MatchingRunStatus.DONE) {
            dto.result(result(counts, assigned));
            if (run.getBound() != null) {
                dto.optimality(optimality(run.getBound(), run.getMediumScore(), run.getSoftScore()));
            }
        }
        return dto;
    }

    /** The bounds with the gaps of the run's score to them, and the same in words. */
    private static MatchingOptimalityDto optimality(ScoreBound bound, long medium, long soft) {
        Double mediumGap = bound.mediumGapPercent(medium);
        Double softGap = bound.softGapPercent(soft);
        String summary;
        if (bound.provenOptimal()) {
            summary = "Proven optimal: no other answer leaves less waiting without a place, weighed by urgency, nor, "
                    + "leaving as little, places youths closer to home, less secure or cheaper.";
        } else if (mediumGap == null) {
            summary = "Not proven optimal, and no useful bound was found within the time limit.";
        } else {
            summary = String.format(Locale.ROOT, "Not proven optimal: the medium score (youths placed by urgency and "
                    + "waiting time) is at most %.2f %% below the best there is", mediumGap)
                    + (softGap == null ? "; how close the soft score is, is not known."
                            : String.format(Locale.ROOT, ", the soft score at most %.2f %%.", softGap));
        }
        return new MatchingOptimalityDto(bound.provenOptimal(), summary).mediumBound(bound.medium())
                .mediumGapPercent(mediumGap).softBound(bound.soft()).softGapPercent(softGap);
    }

    private MatchingResultDto result(List<MatchingOutcomeRepository.Count> counts, List<MatchingOutcome> assigned) {
        Map<Urgency, Integer> placed = new EnumMap<>(Urgency.class);
        Map<Urgency, Integer> unplaced = new EnumMap<>(Urgency.class);
        Map<String, Integer> byReason = new TreeMap<>();
        int referrals = 0;
        for (MatchingOutcomeRepository.Count count : counts) {
            int n = Math.toIntExact(count.count());
            referrals += n;
            if (count.unmetReason() == null) {
                placed.merge(count.urgency(), n, Integer::sum);
            } else {
                unplaced.merge(count.urgency(), n, Integer::sum);
                byReason.merge(count.unmetReason().name(), n, Integer::sum);
            }
        }
        MatchingResultDto result = new MatchingResultDto(referrals, urgencyCounts(placed), urgencyCounts(unplaced),
                byReason);
        if (assigned != null) {
            result.assignments(assigned.stream()
                    .map(outcome -> new MatchingAssignmentDto(outcome.getReferralId(),
                            UrgencyDto.valueOf(outcome.getUrgency().name()), outcome.getOfferId(),
                            outcome.getContractId()))
                    .toList());
        }
        return result;
    }

    private static UrgencyCountsDto urgencyCounts(Map<Urgency, Integer> counts) {
        return new UrgencyCountsDto(counts.getOrDefault(Urgency.CRISIS, 0), counts.getOrDefault(Urgency.HIGH, 0),
                counts.getOrDefault(Urgency.NORMAL, 0));
    }
}
