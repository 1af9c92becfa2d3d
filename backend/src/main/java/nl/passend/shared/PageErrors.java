package nl.passend.shared;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of web pages as a page of their own; before the API's handler, which answers the REST controllers.
 * Another organisation's resource is "not found" here too, as in the API.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final RefusalWording refusals;

    PageErrors(RefusalWording refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    /**
     * A rule refused the change, or someone else changed it first (a stale version, or two edits of one version
     * racing): nothing was changed. A page that can show the current values next to the user's catches these itself.
     */
    @ExceptionHandler({ConflictException.class, StaleVersionException.class, OptimisticLockingFailureException.class})
    ModelAndView conflict(RuntimeException conflict) {
        ModelAndView page = page(HttpStatus.CONFLICT);
        // A lost race has nothing to add to the page's own words; Hibernate's message is not for users.
        if (!(conflict instanceof OptimisticLockingFailureException)) {
            page.addObject("detail", refusals.of(conflict));
        }
        return page;
    }

    static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("fout", status);
        page.addObject("status", status.value());
        return page;
    }
}
