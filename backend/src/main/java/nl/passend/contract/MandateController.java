package nl.passend.contract;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.MandatesApi;
import nl.passend.api.model.MandateDto;
import nl.passend.api.model.MandateInputDto;
import nl.passend.api.model.MandatePageDto;
import nl.passend.api.model.MandateStatusDto;
import nl.passend.api.model.VersionOnlyDto;

/** Mandates in the REST contract ({@code MandatesApi}): everyone signed in reads them, purchasers keep their own. */
@RestController
class MandateController implements MandatesApi {

    private final MandateService mandates;

    MandateController(MandateService mandates) {
        this.mandates = mandates;
    }

    @Override
    public ResponseEntity<MandatePageDto> listMandates(String grantingMunicipality, String leadMunicipality,
            String careType, LocalDate validOn, MandateStatusDto status, Integer page, Integer size,
            List<String> sort) {
        return ResponseEntity.ok(mandates.list(grantingMunicipality, leadMunicipality, careType, validOn, status, page,
                size, sort));
    }

    @Override
    public ResponseEntity<MandateDto> grantMandate(MandateInputDto input) {
        MandateDto granted = mandates.grant(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_MANDATE).buildAndExpand(granted.getId()).toUri();
        return ResponseEntity.created(location).body(granted);
    }

    @Override
    public ResponseEntity<MandateDto> getMandate(Long id) {
        return ResponseEntity.ok(mandates.get(id));
    }

    @Override
    public ResponseEntity<MandateDto> revokeMandate(Long id, VersionOnlyDto input) {
        return ResponseEntity.ok(mandates.revoke(id, input.getVersion()));
    }
}
