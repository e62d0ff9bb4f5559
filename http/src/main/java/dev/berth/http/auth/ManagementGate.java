package dev.berth.http.auth;

import dev.berth.core.access.AccessControl;
import dev.berth.core.access.AuditLog.Outcome;
import dev.berth.core.auth.Principal;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.events.EventRequest;
import dev.berth.core.events.RequestContext;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Optional;

/**
 * Who calls the management API: a user or a service principal, by HTTP Basic credentials, throttled on failures like
 * any sign-in. With authentication off, every caller is an installation administrator, as every caller of the data
 * plane may do everything then.
 */
public final class ManagementGate {
    private static final Principal EVERYONE = Principal.user("anonymous", true);

    private final AccessControl control;
    private final ClientAddresses addresses;

    private ManagementGate(AccessControl control, ClientAddresses addresses) {
        this.control = control;
        this.addresses = addresses;
    }

    public static ManagementGate enforcing(AccessControl control, ClientAddresses addresses) {
        return new ManagementGate(control, addresses);
    }

    /** A gate that lets everyone in as an administrator, for an installation with authentication off. */
    public static ManagementGate open() {
        return new ManagementGate(null, ClientAddresses.direct());
    }

    /** The caller, or {@code UNAUTHORIZED} with a Basic challenge. */
    public Principal authenticate(Exchange exchange) throws IOException {
        if (control == null) {
            return EVERYONE;
        }
        AccessControl.Caller caller = new AccessControl.Caller(addresses.of(exchange), exchange.requestId());
        if (!(Credentials.of(exchange) instanceof Credentials.Basic basic)) {
            throw challenge(exchange, "sign in with a user name and password (HTTP Basic)");
        }
        Optional<Principal> principal = control.signInToManagement(basic.username(), basic.password(), caller);
        if (principal.isEmpty()) {
            throw challenge(exchange, "invalid user name or password");
        }
        control.record(basic.username(), exchange.method() + " " + exchange.path(), caller, Outcome.ALLOWED);
        return principal.get();
    }

    /**
     * The request and the caller, for the events of the changes a management request makes (an import's pushes);
     * the actor is the signed-in name.
     */
    public RequestContext context(Exchange exchange, Principal caller) {
        EventRequest request = new EventRequest(
                exchange.requestId(),
                exchange.host(),
                exchange.method(),
                exchange.header("User-Agent").orElse(""),
                addresses.of(exchange));
        return new RequestContext(request, caller.name());
    }

    /** Forgets remembered sign-ins after credentials changed. */
    public void credentialsChanged() {
        if (control != null) {
            control.credentialsChanged();
        }
    }

    private static RegistryException challenge(Exchange exchange, String message) {
        exchange.header("WWW-Authenticate", "Basic realm=\"berth\"");
        return new RegistryException(ErrorCode.UNAUTHORIZED, message);
    }
}
