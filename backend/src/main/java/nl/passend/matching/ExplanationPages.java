package nl.passend.matching;

import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import nl.passend.referral.ReferralService;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.PageController;

/**
 * Why a referral got its place, or none, and not one nearer home: the API's explanation in the reader's language in a
 * referral's page, loaded in place by htmx, or as a page of its own without JavaScript.
 */
@PageController
class ExplanationPages {

    private final MatchingRunService runs;
    private final ReferralService referrals;

    ExplanationPages(MatchingRunService runs, ReferralService referrals) {
        this.runs = runs;
        this.referrals = referrals;
    }

    @GetMapping("/verwijzingen/{id}/uitleg")
    String explanation(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale, Model model) {
        // Another organisation's referral is not found, as in the API; one not yet matched has no explanation.
        referrals.requireOwn(id);
        model.addAttribute("referralId", id);
        try {
            model.addAttribute("explanation", runs.explain(id, locale));
        } catch (NotFoundException notYetMatched) {
            model.addAttribute("explanation", null);
        }
        return htmx == null ? "matching/explanation" : "matching/explanation :: explanation";
    }
}
