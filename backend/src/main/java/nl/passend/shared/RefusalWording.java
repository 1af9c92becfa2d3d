package nl.passend.shared;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

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

    /**
     * A service's violations on the page's form, each at its field in the reader's language; one that names no field
     * of the form is the form's own error.
     */
    public void reject(InvalidRequestException invalid, Errors errors) {
        reject(invalid, errors, UnaryOperator.identity());
    }

    /** As {@link #reject(InvalidRequestException, Errors)}, for a form whose fields the service names otherwise. */
    public void reject(InvalidRequestException invalid, Errors errors, UnaryOperator<String> formField) {
        for (Violation violation : invalid.violations()) {
            try {
                errors.rejectValue(formField.apply(violation.field()), "service", of(violation));
            } catch (InvalidPropertyException noSuchField) {
                errors.reject("service", of(violation));
            }
        }
    }

    public String of(Refusal refusal) {
        return refusal.in(messages, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
