package nl.passend.shared;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException conflict) {
        ModelAndView page = page(HttpStatus.CONFLICT);
        page.addObject("detail", conflict.getMessage());
        return page;
    }

    static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("fout", status);
        page.addObject("status", status.value());
        return page;
    }
}
