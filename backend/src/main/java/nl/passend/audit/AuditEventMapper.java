package nl.passend.audit;

import org.mapstruct.Mapper;
import org.springframework.data.domain.Page;

import nl.passend.api.model.AuditEventDto;
import nl.passend.api.model.AuditEventPageDto;
import nl.passend.shared.Paging;
import nl.passend.shared.TimeMapping;

@Mapper(uses = TimeMapping.class)
interface AuditEventMapper {

    AuditEventDto toDto(AuditEvent event);

    default AuditEventPageDto toPageDto(Page<AuditEvent> page) {
        return new AuditEventPageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }
}
