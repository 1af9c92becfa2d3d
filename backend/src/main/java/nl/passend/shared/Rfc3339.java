package nl.passend.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Dates and date-times written exactly as RFC 3339 writes them, which is what the contract's formats {@code date} and
 * {@code date-time} mean: a four-digit year, no time in a date, an offset in a date-time. Java's ISO parsers take
 * more (years of nine digits, a date-time for a date, surrounding spaces), and such a value then fails further on.
 */
final class Rfc3339 {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    private Rfc3339() {
    }

    /** A full-date such as {@code 2026-12-31}; a day that does not exist (2026-02-30) is refused too. */
    static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new DateTimeException("not a date like 2026-12-31");
        }
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** A date-time with its offset such as {@code 2026-12-31T09:00:00Z}, as the same moment in UTC. */
    static OffsetDateTime dateTime(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            throw new DateTimeException("not a date-time like 2026-12-31T09:00:00Z");
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .withOffsetSameInstant(ZoneOffset.UTC);
    }
}
