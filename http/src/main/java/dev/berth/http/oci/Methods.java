package dev.berth.http.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.http.server.Exchange;
import java.util.Arrays;

/** Refuses methods a resource does not have. */
final class Methods {
    private Methods() {}

    static void require(Exchange exchange, String... allowed) {
        if (!Arrays.asList(allowed).contains(exchange.method())) {
            exchange.header("Allow", String.join(", ", allowed));
            throw new RegistryException(
                    ErrorCode.METHOD_UNKNOWN,
                    exchange.method() + " is not allowed here; allowed: " + String.join(", ", allowed));
        }
    }
}
