package nl.passend.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

/**
 * The one place where exceptions become RFC 9457 problem documents: a stable {@code type} per kind of error,
 * the violated fields for invalid input, and never a stack trace, SQL or class name.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return invalid("The request breaks " + ex.violations().size() + " rule(s).", ex.violations());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Violation> violations = ex.getConstraintViolations().stream()
                .map(v -> new Violation(parameterName(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return invalid("The request breaks " + violations.size() + " rule(s).", violations);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(ProblemType.NOT_FOUND, HttpStatus.NOT_FOUND, ex.getMessage(), null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException ex) {
        return problem(ProblemType.FORBIDDEN, HttpStatus.FORBIDDEN, ex.getMessage(), null);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex) {
        return problem(ProblemType.PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return problem(ProblemType.CONFLICT, HttpStatus.CONFLICT, ex.getMessage(), null);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Object> staleVersion(StaleVersionException ex) {
        return problem(ProblemType.STALE_VERSION, HttpStatus.CONFLICT, ex.getMessage(), null);
    }

    /** Two edits of the same version raced; the database saw the second one lose. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> optimisticLock(OptimisticLockingFailureException ex) {
        return problem(ProblemType.STALE_VERSION, HttpStatus.CONFLICT,
                "Someone else changed this resource at the same time. Read it again and reapply your change.", null);
    }

    /** Two requests waited for each other's row locks, or one waited too long; the database undid one of them. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockConflict(PessimisticLockingFailureException ex) {
        log.info("Refused after a lock conflict: {}", ex.getMostSpecificCause().getMessage());
        return problem(ProblemType.CONFLICT, HttpStatus.CONFLICT,
                "Another change of the same records was under way. Nothing was changed; try again.", null);
    }

    /** The database refused a change that the services' own checks did not foresee (a race, a reference). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        log.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
        return problem(ProblemType.CONFLICT, HttpStatus.CONFLICT,
                "The change conflicts with current data: a duplicate, or a record that other records still refer to.",
                null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (DatabaseUnavailable.isCause(ex)) {
            log.warn("The database cannot be reached: {}", ex.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .body(ProblemType.SERVICE_UNAVAILABLE.detail(HttpStatus.SERVICE_UNAVAILABLE,
                            "The database cannot be reached just now. Nothing was changed; try again shortly."));
        }
        log.error("Unexpected error", ex);
        return problem(ProblemType.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed.", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new Violation("body", error.getDefaultMessage())));
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return invalid("The request breaks " + violations.size() + " rule(s).", violations);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(parameterName(result.getMethodParameter().getParameterName(),
                                result.getMethodParameter().getParameterIndex()), error.getDefaultMessage())))
                .toList();
        return invalid("The request breaks " + violations.size() + " rule(s).", violations);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        String expected = ex.getRequiredType() == null ? "another type" : describe(ex.getRequiredType());
        return invalid("A parameter has the wrong type.",
                List.of(new Violation(field, "must be " + expected + ", not '" + ex.getValue() + "'")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("A required parameter is missing.",
                List.of(new Violation(ex.getParameterName(), "must be given")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        Throwable root = NestedExceptionUtils.getRootCause(ex);
        if (root instanceof PayloadTooLargeException tooLarge) {
            return payloadTooLarge(tooLarge);
        }
        String at = cause instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        // A syntax error deep inside the body reaches us wrapped in a mapping error with the path it was at.
        if (root instanceof JsonParseException parse) {
            String repeatedKey = repeatedKey(parse);
            if (repeatedKey != null) {
                return invalid("A key appears twice in one object of the body.", List.of(new Violation(
                        at.isEmpty() ? repeatedKey : at + "." + repeatedKey, "must appear only once in its object")));
            }
            return invalid("The body is not well-formed JSON.", List.of(new Violation("body",
                    "malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr())));
        }
        if (cause instanceof JsonMappingException mapping && !at.isEmpty()) {
            return invalid("A field of the body has the wrong type or value.",
                    List.of(new Violation(at, mappingMessage(mapping))));
        }
        if (cause instanceof MismatchedInputException) {
            // The document as a whole: an array or a string where an object belongs, or a second value after it.
            return invalid("The body must be one JSON object.",
                    List.of(new Violation("body", "must be one JSON object, with nothing after it")));
        }
        return invalid("The request body is missing or unreadable.",
                List.of(new Violation("body", "must be a JSON document")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json.", null);
    }

    /** Gives the framework's own problem documents (405, 406, unknown paths) a stable type as well. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail detail && (detail.getType() == null
                || "about:blank".equals(detail.getType().toString()))) {
            ProblemType type = ProblemType.forStatus(statusCode.value());
            detail.setType(type.uri());
            detail.setTitle(type.title());
        }
        // Some exceptions make their document before their status is known (a path variable that converts to
        // nothing is a 400, but its document said 500): the document tells the status the answer has.
        if (body instanceof ProblemDetail detail && detail.getStatus() != statusCode.value()) {
            detail.setStatus(statusCode.value());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> invalid(String detail, List<Violation> violations) {
        return problem(ProblemType.INVALID_REQUEST, HttpStatus.BAD_REQUEST, detail, violations);
    }

    private static ResponseEntity<Object> problem(ProblemType type, HttpStatus status, String detail,
            @Nullable List<Violation> violations) {
        ProblemDetail problem = type.detail(status, detail);
        if (violations != null) {
            problem.setProperty("violations", violations);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** {@code listOffers.size} becomes {@code size}: the client knows the parameter, not the Java method. */
    private static String parameterName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String parameterName(@Nullable String name, int index) {
        return name != null ? name : "parameter " + index;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * The key that appears twice, when that is what the parser refused ({@code STRICT_DUPLICATE_DETECTION}). The
     * parser keeps the name it was reading; Jackson has no exception type of its own for this, only its message.
     */
    @Nullable
    private static String repeatedKey(JsonParseException parse) {
        JsonParser parser = parse.getProcessor();
        if (parser == null || parse.getOriginalMessage() == null
                || !parse.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        return parser.getParsingContext().getCurrentName();
    }

    private static String mappingMessage(JsonMappingException mapping) {
        if (mapping instanceof InvalidNullException) {
            return "must not be null";
        }
        if (mapping instanceof StrictJson.RepeatedItemException repeated) {
            return "must not hold the same item twice (uniqueItems)"
                    + (repeated.repeated() == null ? "" : ": '" + repeated.repeated() + "' appears more than once");
        }
        if (mapping.getCause() instanceof InputCoercionException outOfRange && outOfRange.getTargetType() != null) {
            return "must be " + describe(outOfRange.getTargetType()) + " within its range";
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                String allowed = java.util.Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return "must be one of " + allowed + ", not '" + format.getValue() + "'";
            }
            return "must be " + describe(target) + ", not '" + format.getValue() + "'";
        }
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getType().isEnumType()) {
            return "must be " + describe(instantiation.getType().getRawClass());
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has a value that cannot be read";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class || type == java.math.BigInteger.class
                || type == int.class || type == long.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date like 2026-12-31";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "a date-time like 2026-12-31T09:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
