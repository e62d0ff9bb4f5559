package dev.berth.egress;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.OutboundHttp;

/** The server's {@link Egress}: Jetty HTTP clients whose every connection the policy has checked. */
public final class JettyEgress implements Egress {
    private final EgressPolicy policy;

    public JettyEgress(EgressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public OutboundHttp http(Options options) {
        return JettyHttp.start(policy, options);
    }

    @Override
    public EgressPolicy policy() {
        return policy;
    }
}
