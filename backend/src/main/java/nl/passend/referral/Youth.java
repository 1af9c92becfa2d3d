package nl.passend.referral;

import java.time.LocalDate;
import java.time.Period;

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

    /** Providers learn the age it gives on the requested start, never the date itself (PlacementMapper). */
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "home_municipality_code")
    private Municipality homeMunicipality;

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
        this.gender = gender;
        this.homeMunicipality = homeMunicipality;
    }

    boolean isDescribedAs(LocalDate otherBirthDate, Gender otherGender, Municipality otherHome) {
        return birthDate.equals(otherBirthDate) && gender == otherGender && homeMunicipality.equals(otherHome);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public Long getId() {
        return id;
    }

    public String getPseudonym() {
        return pseudonym;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Gender getGender() {
        return gender;
    }

    public Municipality getHomeMunicipality() {
        return homeMunicipality;
    }
}
