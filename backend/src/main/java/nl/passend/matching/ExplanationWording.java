package nl.passend.matching;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.passend.reference.SecurityLevel;
import nl.passend.solver.Phrase;

/**
 * Words an explanation's phrases in a language, with the messages of the pages ({@code explanation.*}): English as the
 * API has always given them, Dutch on the pages by default. Each argument is written in the language's notation: a
 * date as "1 december 2026" or "2026-12-01", euros as "€ 455,00" or "€ 455", a security level with its name in Dutch.
 */
@Component
class ExplanationWording {

    /** The language of the API's sentences. */
    static final Locale API = Locale.ENGLISH;

    private final MessageSource messages;

    ExplanationWording(MessageSource messages) {
        this.messages = messages;
    }

    String word(Phrase phrase, Locale locale) {
        Object[] args = phrase.args().stream().map(arg -> value(arg, locale)).toArray();
        return messages.getMessage(phrase.key(), args, locale);
    }

    private Object value(Phrase.Arg arg, Locale locale) {
        if (arg instanceof Phrase.Count count) {
            return count.value();
        }
        if (arg instanceof Phrase.Text text) {
            return text.value();
        }
        if (arg instanceof Phrase.Day day) {
            // MessageFormat writes java.util.Date in the default zone, so the day is taken at its start there.
            return format("explanation.format.day", locale,
                    Date.from(day.value().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
        if (arg instanceof Phrase.Euros euros) {
            // Whole euros (the English of the API has always left the cents off) and the exact amount.
            return format("explanation.format.euros", locale, euros.cents() / 100,
                    BigDecimal.valueOf(euros.cents(), 2));
        }
        if (arg instanceof Phrase.Level level) {
            String name = messages.getMessage("securityLevel." + SecurityLevel.ofLevel(level.value()).name(), null,
                    locale);
            return format("explanation.format.level", locale, level.value(), name.toLowerCase(locale));
        }
        if (arg instanceof Phrase.Gender gender) {
            return format("explanation.format.gender", locale, gender.code(),
                    messages.getMessage("gender." + gender.code(), null, gender.code(), locale));
        }
        return word(((Phrase.Part) arg).phrase(), locale);
    }

    private String format(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
