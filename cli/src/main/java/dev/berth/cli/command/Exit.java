package dev.berth.cli.command;

import dev.berth.cli.api.ApiException;

/** The exit codes of the management commands, which scripts can rely on. */
public enum Exit {
    OK(0),
    /** The server could not be reached, answered 5xx or something unexpected, or a question was answered no. */
    OTHER(1),
    /** Wrong usage, or the server found the request invalid (400). 2 is also picocli's code for bad options. */
    USAGE(2),
    /** Not signed in, or the credentials were refused (401). */
    AUTHENTICATION(3),
    /** Signed in, but without the role (403). */
    FORBIDDEN(4),
    /** No such registry, repository, tag, token, scope map, user or role assignment (404). */
    NOT_FOUND(5),
    /** The name is taken, the object is still in use, or the tier does not allow it or no more of it (409). */
    CONFLICT(6),
    /** {@code build} or {@code run}: the run ended, but not Succeeded (Failed, Canceled, Error or Timeout). */
    RUN_FAILED(7);

    public static final String HEADING = "%nExit codes:%n";
    public static final String LINE_OK = "0:success";
    public static final String LINE_OTHER = "1:other failure: server unreachable, 5xx, or cancelled";
    public static final String LINE_USAGE = "2:wrong usage, or the server found the request invalid (400)";
    public static final String LINE_AUTHENTICATION = "3:not signed in, or the credentials were refused (401)";
    public static final String LINE_FORBIDDEN = "4:signed in, but not allowed (403)";
    public static final String LINE_NOT_FOUND = "5:not found (404)";
    public static final String LINE_CONFLICT = "6:conflict or quota: name taken, in use, or beyond the tier (409)";
    public static final String LINE_RUN_FAILED = "7:the run ended Failed, Canceled, Error or Timeout";

    public final int code;

    Exit(int code) {
        this.code = code;
    }

    /** The code for a failed request: by its HTTP status, in this one place. */
    public static Exit of(ApiException e) {
        return switch (e.status()) {
            case 400, 413 -> USAGE;
            case 401 -> AUTHENTICATION;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> OTHER;
        };
    }
}
