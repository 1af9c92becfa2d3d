package nl.passend.placement;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import nl.passend.reference.Municipality;

/** How a youth's return home is prepared: the municipality, the local partners and their tasks. */
@Entity
public class AftercarePlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "placement_id")
    private Placement placement;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "return_municipality_code")
    private Municipality returnMunicipality;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "aftercare_partner", joinColumns = @JoinColumn(name = "plan_id"))
    private List<AftercarePartner> partners = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("dueDate, id")
    private List<AftercareTask> tasks = new ArrayList<>();

    @Version
    private long version;

    protected AftercarePlan() {
    }

    AftercarePlan(Placement placement) {
        this.placement = placement;
    }

    /** Replaces the whole plan with what the officer now knows. */
    void replace(Municipality returnMunicipality, List<AftercarePartner> partners, List<AftercareTask> tasks) {
        this.returnMunicipality = returnMunicipality;
        this.partners.clear();
        this.partners.addAll(partners);
        this.tasks.clear();
        this.tasks.addAll(tasks);
    }

    public Long getId() {
        return id;
    }

    public Placement getPlacement() {
        return placement;
    }

    public Municipality getReturnMunicipality() {
        return returnMunicipality;
    }

    public List<AftercarePartner> getPartners() {
        return partners;
    }

    public List<AftercareTask> getTasks() {
        return tasks;
    }

    public long getVersion() {
        return version;
    }
}
