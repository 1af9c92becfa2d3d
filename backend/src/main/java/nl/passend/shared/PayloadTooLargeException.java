package nl.passend.shared;

/** A request body over the limit the API accepts. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
