package nl.passend.audit;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import nl.passend.security.Actor;
import nl.passend.security.Role;

/** One thing an actor did; never changed or deleted once written. */
@Entity
@Immutable
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String username;

    @Enumerated(EnumType.STRING)
    private Role role;

    private long organisationId;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    private String resourceType;

    private String resourceId;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, Actor actor, AuditAction action, String resourceType, String resourceId) {
        this.occurredAt = occurredAt;
        this.username = actor.username();
        this.role = actor.role();
        this.organisationId = actor.organisationId();
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public Role getRole() {
        return role;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }
}
