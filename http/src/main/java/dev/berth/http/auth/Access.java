package dev.berth.http.auth;

import dev.berth.core.auth.AccessScope;
import java.io.IOException;

/** What the caller of one request may do, for handlers that need a second check (a mount's source repository). */
@FunctionalInterface
public interface Access {
    Access ALL = scope -> true;

    boolean permits(AccessScope scope) throws IOException;
}
