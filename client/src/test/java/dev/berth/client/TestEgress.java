package dev.berth.client;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.egress.JettyEgress;

/** The egress of the client's tests: the default policy, plus loopback, where the test registries listen. */
public final class TestEgress {
    /** Loopback allowed, as a test installation's {@code egress.allow} would. */
    public static final Egress LOOPBACK = new JettyEgress(EgressPolicy.allowing("127.0.0.0/8", "::1"));

    private TestEgress() {}
}
