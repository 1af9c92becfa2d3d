package nl.passend.matching;

/** QUEUED → SOLVING → DONE | FAILED; a queued or solving run that a restart interrupted is FAILED. */
public enum MatchingRunStatus {
    QUEUED,
    SOLVING,
    DONE,
    FAILED
}
