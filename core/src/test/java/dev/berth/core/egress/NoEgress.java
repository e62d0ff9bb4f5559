package dev.berth.core.egress;

/** An {@link Egress} for tests that never call out: every request is refused, as a policy with no way out would. */
public final class NoEgress implements Egress {
    @Override
    public OutboundHttp http(Options options) {
        return new OutboundHttp() {
            @Override
            public OutboundResponse send(OutboundRequest request) throws EgressRefusedException {
                throw new EgressRefusedException(
                        "egress to " + request.uri().getHost() + " is not allowed by the installation's egress policy");
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public EgressPolicy policy() {
        return new EgressPolicy(EgressSettings.DEFAULTS, new OwnAddresses());
    }
}
