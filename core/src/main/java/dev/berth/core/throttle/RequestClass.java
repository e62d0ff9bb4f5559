package dev.berth.core.throttle;

/**
 * What a request counts against, as ACR's throttling sorts requests: reads (GET, HEAD, OPTIONS), writes (PUT, PATCH,
 * POST), deletes, referrers listings (which count as reads too) and token requests ({@code /oauth2/token} and
 * {@code /oauth2/exchange}, limited per registry only).
 */
public enum RequestClass {
    READ("read"),
    WRITE("write"),
    DELETE("delete"),
    REFERRERS("referrers listing"),
    OAUTH("token");

    private final String description;

    RequestClass(String description) {
        this.description = description;
    }

    /** The class of an ordinary data-plane request by its method; methods no resource has count as reads. */
    public static RequestClass ofMethod(String method) {
        return switch (method) {
            case "PUT", "PATCH", "POST" -> WRITE;
            case "DELETE" -> DELETE;
            default -> READ;
        };
    }

    /** How a refusal names the class: {@code read}, {@code write}, ... */
    String description() {
        return description;
    }
}
