package nl.passend.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How the API shows a stored moment: as a date-time in UTC. Mappers name it in {@code uses}. */
public final class TimeMapping {

    private TimeMapping() {
    }

    public static OffsetDateTime toOffsetDateTime(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
