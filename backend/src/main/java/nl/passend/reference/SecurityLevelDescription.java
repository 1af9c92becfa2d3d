package nl.passend.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The name and meaning of a security level, as the region describes it. */
@Entity
@Table(name = "security_level")
class SecurityLevelDescription {

    @Id
    private int level;

    @Column(name = "code")
    private String code;

    private String name;

    private String description;

    protected SecurityLevelDescription() {
    }

    public int getLevel() {
        return level;
    }

    public SecurityLevel getCode() {
        return SecurityLevel.valueOf(code);
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
