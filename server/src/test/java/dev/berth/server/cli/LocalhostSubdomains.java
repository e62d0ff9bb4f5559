package dev.berth.server.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lets this test JVM resolve {@code <name>.localhost} to 127.0.0.1, as RFC 6761 wants and systemd-resolved does, so
 * the CLI can reach a registry's login server ({@code default.localhost:PORT}) the way docker would through DNS.
 * Every other name goes to the JDK's own resolver. Registered in {@code META-INF/services} of the test resources.
 */
public final class LocalhostSubdomains extends InetAddressResolverProvider {
    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "localhost subdomains for the CLI tests";
    }
}
