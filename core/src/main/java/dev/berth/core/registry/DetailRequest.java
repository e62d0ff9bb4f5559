package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.DetailStore.Order;
import dev.berth.core.spi.DetailStore.Query;

/**
 * The {@code n}, {@code last} and {@code orderby} parameters of a detailed listing of ACR's metadata API. {@code
 * orderby} is {@code timedesc}, {@code timeasc} or {@code none} (the default: by name, or digest for manifests).
 */
public record DetailRequest(Order order, PageRequest page) {

    /** Parses the raw query values, any of which may be null. */
    public static DetailRequest parse(String n, String last, String orderby) {
        return new DetailRequest(order(orderby), PageRequest.parse(n, last));
    }

    /** The {@code orderby} value that asks for this order, or null for the default. */
    public String orderby() {
        return switch (order) {
            case NAME -> null;
            case TIME_DESC -> "timedesc";
            case TIME_ASC -> "timeasc";
        };
    }

    /** The store query for a page, asking for one row more than it shows to learn whether more follows. */
    Query query() {
        return new Query(order, page.last(), page.limit() + 1);
    }

    private static Order order(String orderby) {
        if (orderby == null || orderby.isEmpty() || orderby.equals("none")) {
            return Order.NAME;
        }
        return switch (orderby) {
            case "timedesc" -> Order.TIME_DESC;
            case "timeasc" -> Order.TIME_ASC;
            default ->
                throw new RegistryException(
                        ErrorCode.INVALID_REQUEST,
                        "orderby must be timedesc, timeasc or none, not "
                                + (orderby.length() > 40 ? orderby.substring(0, 40) + "..." : orderby));
        };
    }
}
