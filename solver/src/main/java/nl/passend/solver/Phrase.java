package nl.passend.solver;

import java.time.LocalDate;
import java.util.List;

/**
 * A sentence of an explanation, or a part of one, as a message key and its arguments, so that it can be worded in the
 * reader's language; each argument says what it is, so that it is written in the reader's notation. The keys and
 * their words live with whoever shows the explanation (the backend's message bundles).
 */
public record Phrase(String key, List<Arg> args) {

    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Arg... args) {
        return new Phrase(key, List.of(args));
    }

    /** What an argument is, which decides how it is written. */
    public sealed interface Arg permits Count, Text, Day, Euros, Level, Gender, Part {
    }

    /** A whole number: an id, kilometres, places, years of age, points. */
    public record Count(long value) implements Arg {
    }

    /** Words that read the same in every language: a municipality's name, a code. */
    public record Text(String value) implements Arg {
    }

    /** A date. */
    public record Day(LocalDate value) implements Arg {
    }

    /** An amount in euro cents. */
    public record Euros(long cents) implements Arg {
    }

    /** A security level, 0 (ambulant) to 4 (justice). */
    public record Level(int value) implements Arg {
    }

    /** A gender code as a referral has it (MALE, FEMALE, X). */
    public record Gender(String code) implements Arg {
    }

    /** A phrase worded inside another. */
    public record Part(Phrase phrase) implements Arg {
    }
}
