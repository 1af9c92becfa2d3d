package nl.passend.shared;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet container's error page, in place of Spring Boot's: a problem document for an error that no controller
 * answered (a status sent from a filter, an exception outside Spring MVC). Asked for directly, {@code /error} is
 * nothing, so 404, not the framework's 999.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        ProblemDetail problem = ProblemType.forStatus(status.value()).detail(status, detail(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** What a client can be told without knowing what failed. */
    static String detail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is malformed or holds something that is not allowed.";
            case 401 -> "Sign in first.";
            case 403 -> "You may not do this.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request is too large.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Nothing was changed."
                    : "The request was refused.";
        };
    }
}
