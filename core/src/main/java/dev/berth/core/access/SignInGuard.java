package dev.berth.core.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing without letting a stranger lock anybody else out. Two counts, each taken when an
 * attempt begins (so a burst sent at once is counted before any password is hashed) and taken back when it succeeds:
 *
 * <ul>
 *   <li>per user name and client address: past {@value #FREE_FAILURES} failures that name is held up from that
 *       address, with a backoff that doubles up to a minute, <em>even with the right password</em> (that is the
 *       protection against guessing one account); other names from the same address are not;
 *   <li>per client address, for every name (existing or not, so the count tells nothing about which names exist):
 *       past {@value #FREE_FAILURES_PER_ADDRESS} failures every name is held up from that address, which slows an
 *       address that tries one password on many names (password spraying) or makes names up.
 * </ul>
 *
 * <p>An IPv6 client is counted by its /64 network, since one host commonly holds a whole /64. Counts fade after a
 * quiet quarter hour, and both tables are bounded (see {@link FailureCounts}). Nothing here looks a name up, so
 * neither the answer nor its timing depends on whether the name exists.
 */
public final class SignInGuard {
    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 100;
    static final int MAX_NAMES_TRACKED = 50_000;
    static final int MAX_ADDRESSES_TRACKED = 50_000;

    private final Clock clock;
    private final FailureCounts perName = new FailureCounts(FREE_FAILURES, MAX_NAMES_TRACKED);
    private final FailureCounts perAddress = new FailureCounts(FREE_FAILURES_PER_ADDRESS, MAX_ADDRESSES_TRACKED);

    public SignInGuard(Clock clock) {
        this.clock = clock;
    }

    /**
     * Begins an attempt, counting it as a failure until {@link #succeeded} says otherwise. Empty when it may go
     * ahead; otherwise how long the caller must still wait, and the attempt is not counted.
     */
    public Optional<Duration> tryBegin(String username, String address) {
        Instant now = clock.instant();
        String network = networkOf(address);
        Instant blocked = perAddress.blockedUntil(network);
        if (!blocked.isAfter(now)) {
            blocked = perName.begin(nameKey(username, network), now);
        }
        if (!blocked.isAfter(now)) {
            blocked = perAddress.begin(network, now);
            if (blocked.isAfter(now)) {
                perName.takeBack(nameKey(username, network));
            }
        }
        return blocked.isAfter(now) ? Optional.of(Duration.between(now, blocked)) : Optional.empty();
    }

    /** Takes back an attempt that succeeded: the name starts afresh from that address. */
    public void succeeded(String username, String address) {
        String network = networkOf(address);
        perName.forget(nameKey(username, network));
        perAddress.takeBack(network);
    }

    /** How many keys are tracked, for tests of the bound. */
    int tracked() {
        return perName.size() + perAddress.size();
    }

    private static String nameKey(String username, String network) {
        return network + "\n" + username;
    }

    /** The address itself, or its /64 network for IPv6; anything that is not an IP literal as it is. */
    static String networkOf(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.ofLiteral(address);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return address;
        }
    }
}
