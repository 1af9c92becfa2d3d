package nl.passend.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import nl.passend.reference.Gender;
import nl.passend.reference.Municipality;

/**
 * A youth, known only by the pseudonym the referring organisation gives: no name, no BSN. The home municipality is
 * the one that pays (woonplaatsbeginsel).
 */
@Entity
public class Youth {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The organisation whose pseudonym this is; a pseudonym is unique within its organisation only. */
    private long organisationId;

    private String pseudonym;

    /**
     * Providers learn the age it gives on the requested start, never the date itself (PlacementMapper). {@code null}
     * once erased, like the pseudonym.
     */
    @Nullable
    private LocalDate birthDate;

    /** Kept after erasure, for statistics. */
    private int birthYear;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "home_municipality_code")
    private Municipality homeMunicipality;

    /** When retention erased the pseudonym and the birth date; {@code null} while they are kept. */
    @Nullable
    private Instant erasedAt;

    @Version
    private long version;

    protected Youth() {
    }

    Youth(long organisationId, String pseudonym) {
        this.organisationId = organisationId;
        this.pseudonym = pseudonym;
    }

    /** What the organisation now knows of the youth; a move changes the home municipality. */
    void describe(LocalDate birthDate, Gender gender, Municipality homeMunicipality) {
        this.birthDate = birthDate;
        this.birthYear = birthDate.getYear();
        this.gender = gender;
        this.homeMunicipality = homeMunicipality;
    }

    boolean isDescribedAs(LocalDate otherBirthDate, Gender otherGender, Municipality otherHome) {
        return otherBirthDate.equals(birthDate) && gender == otherGender && homeMunicipality.equals(otherHome);
    }

    /**
     * Forgets what identifies the youth (retention): the pseudonym and the birth date. Gender, home municipality and
     * birth year stay, so that reports over old periods still count the youth.
     */
    void erase(Instant at) {
        pseudonym = null;
        birthDate = null;
        erasedAt = at;
    }

    /** The age on the day; once erased, the age the birth year gives at the end of that day's year. */
    public int ageOn(LocalDate day) {
        return birthDate == null ? day.getYear() - birthYear : Period.between(birthDate, day).getYears();
    }

    public Long getId() {
        return id;
    }

    @Nullable
    public String getPseudonym() {
        return pseudonym;
    }

    @Nullable
    public LocalDate getBirthDate() {
        return birthDate;
    }

    public int getBirthYear() {
        return birthYear;
    }

    @Nullable
    public Instant getErasedAt() {
        return erasedAt;
    }

    public Gender getGender() {
        return gender;
    }

    public Municipality getHomeMunicipality() {
        return homeMunicipality;
    }
}
