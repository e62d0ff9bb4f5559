package dev.berth.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response with the expected status, its headers, and its body as the request's {@link ResponseBody} read it.
 *
 * @param request what was asked, for messages
 */
record RegistryResponse<T>(RegistryRequest request, int status, Map<String, List<String>> headers, T body) {
    Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
                return Optional.of(entry.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    /** A header the response must carry. */
    String requireHeader(String name) {
        return header(name).orElseThrow(() -> new VerificationFailure(request + " answered without " + name));
    }
}
