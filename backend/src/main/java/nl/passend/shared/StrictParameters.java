package nl.passend.shared;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads path and query parameters as strictly as the contract writes them. Spring's own conversion trims spaces,
 * reads {@code 0x1} as hexadecimal and takes leading zeros and any Unicode digit, so {@code /users/0x1},
 * {@code /users/00001} and a full-width {@code ９} all named user 1; and it takes dates of nine-digit years that no
 * database holds. Here a number is plain ASCII decimal digits without leading zeros, a date and a date-time are as in
 * RFC 3339; anything else is a 400 naming the parameter. An empty value still counts as left out.
 * <p>
 * These are property editors rather than converters: where a converter refuses, Spring falls back on its default
 * editors, which would take {@code 0x1} after all; an editor of the binder is asked first and alone.
 */
@ControllerAdvice
class StrictParameters {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|-?[1-9][0-9]{0,18}");

    @InitBinder
    void readParametersStrictly(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new Strict<>(StrictParameters::wholeNumber));
        binder.registerCustomEditor(Integer.class, new Strict<>(text -> Math.toIntExact(wholeNumber(text))));
        binder.registerCustomEditor(LocalDate.class, new Strict<>(Rfc3339::date));
        binder.registerCustomEditor(OffsetDateTime.class, new Strict<>(Rfc3339::dateTime));
    }

    private static long wholeNumber(String text) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a plain decimal number");
        }
        return Long.parseLong(text);
    }

    /** Reads one type from text with a strict parser; whatever the parser refuses is a wrong type for the binder. */
    private static final class Strict<T> extends PropertyEditorSupport {

        private final Function<String, T> parse;

        Strict(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
                return;
            }
            try {
                setValue(parse.apply(text));
            } catch (RuntimeException refused) {
                throw new IllegalArgumentException(refused.getMessage(), refused);
            }
        }
    }
}
