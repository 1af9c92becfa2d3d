package nl.passend.user;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import nl.passend.organisation.Organisation;
import nl.passend.security.Role;
import nl.passend.shared.VersionedEntity;

/** Someone who signs in with a username and password, in one role, for one organisation. */
@Entity
class UserAccount extends VersionedEntity {

    private String username;

    private String displayName;

    /** A BCrypt hash (SecurityConfiguration), never the password; its getter is package-private, for sign-in only. */
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    /** The API deletes no user: deactivating ends an account, and sign-in with a password then refuses it. */
    private boolean active = true;

    /** Seeded for the demo; the application refuses to start in production while one exists. */
    private boolean demo;

    public String getUsername() {
        return username;
    }

    void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    void setOrganisation(Organisation organisation) {
        this.organisation = organisation;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
