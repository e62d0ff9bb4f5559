package dev.berth.core.events;

/**
 * The request that made a change, as ACR's webhook payload names its parts. Parts unknown are empty strings.
 *
 * @param id the request id, as in the server's logs and error messages
 * @param host the Host the client addressed
 * @param useragent the client's User-Agent
 * @param addr the client's address, through trusted proxies
 */
public record EventRequest(String id, String host, String method, String useragent, String addr) {
    /** A change made by Berth itself (an import, maintenance), with no request. */
    public static final EventRequest NONE = new EventRequest("", "", "", "", "");

    public EventRequest {
        id = orEmpty(id);
        host = orEmpty(host);
        method = orEmpty(method);
        useragent = orEmpty(useragent);
        addr = orEmpty(addr);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
