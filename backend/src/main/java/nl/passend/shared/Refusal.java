package nl.passend.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Why a service refused a request, as a key of the pages' messages ({@code refusal.*}) and its arguments: one set of
 * words for the API's English (messages.properties, as the API has always worded it) and for the pages' language.
 * An argument is written as its {@code String.valueOf} (ids and counts without grouping, statuses by their code), a
 * day in the language's notation ({@code explanation.format.day}: "2026-12-01", "1 december 2026"), a refusal as
 * a part of the sentence in the same language. A text with arguments is a MessageFormat pattern (an apostrophe is
 * written ''), one without is taken as written (Spring's messages): RefusalTests checks both bundles for this.
 */
public record Refusal(String key, List<Object> args) {

    /** The language of the API's sentences. */
    public static final Locale API = Locale.ENGLISH;

    /** The same messages as the application's, for the English a refusal carries wherever it goes (API, logs). */
    private static final MessageSource ENGLISH = englishMessages();

    public Refusal {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Refusal of(String key, Object... args) {
        return new Refusal(key, Arrays.asList(args));
    }

    /** The refusal in the API's English. */
    public String english() {
        return in(ENGLISH, API);
    }

    /** The refusal in the given language, worded by the given messages. */
    public String in(MessageSource messages, Locale locale) {
        Object[] values = args.stream().map(arg -> value(arg, messages, locale)).toArray();
        return messages.getMessage(key, values, locale);
    }

    private static Object value(Object arg, MessageSource messages, Locale locale) {
        if (arg instanceof LocalDate day) {
            // MessageFormat writes java.util.Date in the default zone, so the day is taken at its start there.
            return messages.getMessage("explanation.format.day",
                    new Object[] {Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant())}, locale);
        }
        if (arg instanceof Refusal part) {
            return part.in(messages, locale);
        }
        return String.valueOf(arg);
    }

    private static MessageSource englishMessages() {
        // As Spring Boot configures the application's own (spring.messages in application.yaml).
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
