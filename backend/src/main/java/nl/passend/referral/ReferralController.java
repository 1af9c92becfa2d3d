package nl.passend.referral;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.ReferralsApi;
import nl.passend.api.model.ReferralClosingDto;
import nl.passend.api.model.ReferralDto;
import nl.passend.api.model.ReferralInputDto;
import nl.passend.api.model.ReferralPageDto;
import nl.passend.api.model.ReferralStatusChangeDto;
import nl.passend.api.model.ReferralStatusDto;
import nl.passend.api.model.UrgencyDto;

/**
 * Referrals in the REST contract ({@code ReferralsApi}), for the probation officers of the referring organisation
 * only: criminal-law data of minors, every read audited (DESIGN.md, Security and privacy).
 */
@RestController
class ReferralController implements ReferralsApi {

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public ResponseEntity<ReferralPageDto> listReferrals(ReferralStatusDto status, UrgencyDto urgency, Integer page,
            Integer size, List<String> sort) {
        return ResponseEntity.ok(referrals.list(status, urgency, page, size, sort));
    }

    @Override
    public ResponseEntity<ReferralDto> createReferral(ReferralInputDto input, String idempotencyKey) {
        ReferralDto referral = referrals.create(input, idempotencyKey);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_REFERRAL).buildAndExpand(referral.getId()).toUri();
        return ResponseEntity.created(location).body(referral);
    }

    @Override
    public ResponseEntity<ReferralDto> getReferral(Long id) {
        return ResponseEntity.ok(referrals.get(id));
    }

    @Override
    public ResponseEntity<List<ReferralStatusChangeDto>> getReferralHistory(Long id) {
        return ResponseEntity.ok(referrals.history(id));
    }

    @Override
    public ResponseEntity<ReferralDto> withdrawReferral(Long id, ReferralClosingDto closing) {
        return ResponseEntity.ok(referrals.close(id, closing, ReferralStatus.WITHDRAWN));
    }

    @Override
    public ResponseEntity<ReferralDto> cancelReferral(Long id, ReferralClosingDto closing) {
        return ResponseEntity.ok(referrals.close(id, closing, ReferralStatus.CANCELLED));
    }
}
