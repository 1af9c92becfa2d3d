package nl.passend.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Amounts of money as the pages show them: "€ 1.234,56" in Dutch, "€ 1,234.56" in English. In a template
 * {@code ${@euros.format(amount)}}, in the reader's language.
 */
@Component("euros")
public class Euros {

    /** The amount in the language of the request being answered; "–" for none. */
    public String format(@Nullable Number amount) {
        return format(amount, LocaleContextHolder.getLocale());
    }

    public static String format(@Nullable Number amount, Locale locale) {
        if (amount == null) {
            return "–";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance("en".equals(locale.getLanguage())
                ? Locale.ENGLISH : Locale.forLanguageTag("nl-NL"));
        BigDecimal exact = amount instanceof BigDecimal decimal ? decimal : new BigDecimal(amount.toString());
        return "€ " + new DecimalFormat("#,##0.00", symbols).format(exact);
    }
}
