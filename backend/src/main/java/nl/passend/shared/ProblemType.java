package nl.passend.shared;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The stable kinds of error the API answers with; each has its own {@code type} URI. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "Invalid request"),
    UNAUTHORIZED("unauthorized", "Authentication required"),
    FORBIDDEN("forbidden", "Forbidden"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
    CONFLICT("conflict", "Conflict with current data"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests"),
    STALE_VERSION("stale-version", "Stale version"),
    INTERNAL_ERROR("internal-error", "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable");

    private static final String BASE = "https://passend.nl/problems/";

    private final URI uri;
    private final String title;

    ProblemType(String slug, String title) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** A problem document of this kind. */
    public ProblemDetail detail(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri);
        problem.setTitle(title);
        return problem;
    }

    /** The kind of error that fits an HTTP status the framework answered with on its own. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
