package dev.berth.bench;

/** A server answered with the wrong status, header, digest or content. Any one of these fails the run. */
final class VerificationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VerificationFailure(String message) {
        super(message);
    }

    /** Fails unless the two values are equal. */
    static void expectEqual(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new VerificationFailure(what + ": expected " + expected + ", got " + actual);
        }
    }
}
