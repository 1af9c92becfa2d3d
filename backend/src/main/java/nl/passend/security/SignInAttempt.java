package nl.passend.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The details of an HTTP Basic sign-in that the throttle needs once the password has been checked: the client's
 * address ({@code request.getRemoteAddr()}, which {@code server.forward-headers-strategy} governs behind a proxy) and
 * whether this username failed from this address before, so that a success only writes when there is a row to forget.
 */
record SignInAttempt(String address, boolean failedBefore) {

    /** The request attribute in which the throttle filter notes that the pair failed before. */
    static final String FAILED_BEFORE = SignInAttempt.class.getName() + ".failedBefore";

    static SignInAttempt of(HttpServletRequest request) {
        return new SignInAttempt(request.getRemoteAddr(), Boolean.TRUE.equals(request.getAttribute(FAILED_BEFORE)));
    }
}
