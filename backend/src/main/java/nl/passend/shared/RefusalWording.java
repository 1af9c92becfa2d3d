package nl.passend.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words the services' refusals for the pages, in the reader's language: a {@link Refusal} by its key, anything given
 * as English text only (the framework's, a refusal not yet given a key) as it is.
 */
@Component
public class RefusalWording {

    private final MessageSource messages;

    RefusalWording(MessageSource messages) {
        this.messages = messages;
    }

    /** Why a change was refused: a conflict, a stale version, or another refusal's message. */
    public String of(RuntimeException refused) {
        Refusal refusal = null;
        if (refused instanceof ConflictException conflict) {
            refusal = conflict.refusal();
        } else if (refused instanceof StaleVersionException stale) {
            refusal = stale.refusal();
        }
        return refusal == null ? refused.getMessage() : of(refusal);
    }

    /** The rule a field breaks. */
    public String of(Violation violation) {
        return violation.refusal() == null ? violation.message() : of(violation.refusal());
    }

    public String of(Refusal refusal) {
        return refusal.in(messages, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
