package nl.passend.reference;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a security level as its number, so that the database can compare levels. */
@Converter(autoApply = true)
class SecurityLevelConverter implements AttributeConverter<SecurityLevel, Integer> {

    @Override
    public Integer convertToDatabaseColumn(SecurityLevel level) {
        return level == null ? null : level.level();
    }

    @Override
    public SecurityLevel convertToEntityAttribute(Integer level) {
        return level == null ? null : SecurityLevel.ofLevel(level);
    }
}
