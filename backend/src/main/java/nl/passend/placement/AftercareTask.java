package nl.passend.placement;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Something a partner must have done before the youth comes home, by a date. */
@Entity
public class AftercareTask {

    enum Status {
        OPEN,
        DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private AftercarePlan plan;

    private String description;

    @Enumerated(EnumType.STRING)
    private PartnerKind responsible;

    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    private Status status;

    protected AftercareTask() {
    }

    AftercareTask(AftercarePlan plan, String description, PartnerKind responsible, LocalDate dueDate, Status status) {
        this.plan = plan;
        this.description = description;
        this.responsible = responsible;
        this.dueDate = dueDate;
        this.status = status;
    }

    public Long getId() {
        return id;
    }

    public AftercarePlan getPlan() {
        return plan;
    }

    public String getDescription() {
        return description;
    }

    public PartnerKind getResponsible() {
        return responsible;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Status getStatus() {
        return status;
    }
}
