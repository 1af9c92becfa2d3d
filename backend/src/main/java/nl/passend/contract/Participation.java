package nl.passend.contract;

import java.util.Objects;

import org.springframework.lang.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One municipality's consent to a contract that lists it, and the mandate that gave it, if a mandate did. */
@Embeddable
public class Participation {

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ParticipationState state;

    @Column(name = "mandate_id")
    private Long mandateId;

    protected Participation() {
    }

    private Participation(ParticipationState state, @Nullable Long mandateId) {
        this.state = state;
        this.mandateId = mandateId;
    }

    static Participation pending() {
        return new Participation(ParticipationState.PENDING, null);
    }

    static Participation declined() {
        return new Participation(ParticipationState.DECLINED, null);
    }

    /** Confirmed by a purchaser of the municipality itself. */
    static Participation confirmed() {
        return new Participation(ParticipationState.CONFIRMED, null);
    }

    static Participation byMandate(long mandateId) {
        return new Participation(ParticipationState.CONFIRMED, mandateId);
    }

    public ParticipationState getState() {
        return state;
    }

    @Nullable
    public Long getMandateId() {
        return mandateId;
    }

    public boolean isConfirmed() {
        return state == ParticipationState.CONFIRMED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Participation that && state == that.state && Objects.equals(mandateId, that.mandateId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, mandateId);
    }
}
