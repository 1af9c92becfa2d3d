package nl.passend.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import nl.passend.security.CurrentActor;
import nl.passend.shared.PageController;

/** The start page after signing in: what needs doing today, for the signed-in role; and the sign-in page. */
@PageController
class StartPage {

    private final CurrentActor currentActor;

    StartPage(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("role", currentActor.get().role().name());
        return "start";
    }

    @GetMapping("/inloggen")
    String signIn() {
        return "sign-in";
    }

    /** Where the pages' security forwards a refusal, with its status already set (403). */
    @RequestMapping("/geweigerd")
    String refused(Model model) {
        model.addAttribute("status", 403);
        return "fout";
    }
}
