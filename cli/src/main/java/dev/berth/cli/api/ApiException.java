package dev.berth.cli.api;

/**
 * A request that did not succeed: the server answered with an error ({@link #status()} 400 and up, with the
 * envelope's {@link #code()} and message), or no answer came at all ({@link #status()} 0: the server could not be
 * reached, TLS failed, it timed out, or the answer was not what the API promises).
 */
public final class ApiException extends Exception {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** No answer: the server could not be reached or said something the API does not. */
    static ApiException noAnswer(String message, Throwable cause) {
        ApiException e = new ApiException(0, "", message);
        e.initCause(cause);
        return e;
    }

    /** The HTTP status, or 0 when there was no usable answer. */
    public int status() {
        return status;
    }

    /** The error envelope's code ({@code ResourceNotFound}, {@code NAME_UNKNOWN}, ...), or empty. */
    public String code() {
        return code;
    }
}
