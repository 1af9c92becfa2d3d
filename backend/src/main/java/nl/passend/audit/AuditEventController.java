package nl.passend.audit;

import java.time.OffsetDateTime;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import nl.passend.api.AuditApi;
import nl.passend.api.model.AuditActionDto;
import nl.passend.api.model.AuditEventPageDto;

@RestController
class AuditEventController implements AuditApi {

    private final AuditTrail trail;

    AuditEventController(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public ResponseEntity<AuditEventPageDto> listAuditEvents(String username, Long organisationId,
            AuditActionDto action, String resourceType, String resourceId, OffsetDateTime from, OffsetDateTime until,
            Integer page, Integer size) {
        var filter = new AuditTrail.Filter(username, organisationId, action, resourceType, resourceId, from, until);
        return ResponseEntity.ok(trail.list(filter, page, size));
    }
}
