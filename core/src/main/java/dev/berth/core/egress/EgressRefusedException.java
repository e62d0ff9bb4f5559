package dev.berth.core.egress;

import java.io.IOException;
import java.net.InetAddress;

/**
 * The egress policy refused a destination. Thrown before any connection is attempted, so the message is the same
 * whether or not anything listens there.
 */
public final class EgressRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public EgressRefusedException(String message) {
        super(message);
    }

    /** The refusal of one address, named by the host asked for when that was not the address itself. */
    static EgressRefusedException of(String host, InetAddress address) {
        String literal = address.getHostAddress();
        boolean named =
                host != null && !host.isEmpty() && AddressRange.literal(host).isEmpty();
        String what = named
                ? host + " (" + literal + ")"
                : address instanceof java.net.Inet6Address && host != null ? stripBrackets(host) : literal;
        return new EgressRefusedException("egress to " + what + " is not allowed by the installation's egress policy");
    }

    /** The refusal of a URL scheme that does not go through the policy at all, such as {@code file:} or {@code ssh:}. */
    public static EgressRefusedException scheme(String scheme) {
        return new EgressRefusedException("egress over " + scheme
                + ": is not allowed by the installation's egress policy; only http and https are");
    }

    /** The first refusal in a chain of causes, if any. */
    public static java.util.Optional<EgressRefusedException> in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EgressRefusedException refused) {
                return java.util.Optional.of(refused);
            }
        }
        return java.util.Optional.empty();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
