package dev.berth.core.auth;

import java.util.List;

/**
 * A registry's network rules, as ACR's {@code networkRuleSet} and {@code publicNetworkAccess}: with public access
 * off only loopback clients get in; otherwise a client is let in when an allow rule covers its address, or when none
 * does and the default action is Allow.
 */
public record NetworkRules(boolean publicNetworkAccess, DefaultAction defaultAction, List<Cidr> allowed) {
    /** What happens to a client no rule names. */
    public enum DefaultAction {
        ALLOW,
        DENY
    }

    public static final NetworkRules OPEN = new NetworkRules(true, DefaultAction.ALLOW, List.of());

    public NetworkRules {
        allowed = List.copyOf(allowed);
    }

    public boolean admits(String clientAddress) {
        if (isLoopback(clientAddress)) {
            return true;
        }
        if (!publicNetworkAccess) {
            return false;
        }
        return defaultAction == DefaultAction.ALLOW || allowed.stream().anyMatch(rule -> rule.contains(clientAddress));
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }
}
