package dev.berth.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a server certificate covers: DNS names (lower case; a leading {@code *.} is allowed) and IP addresses, kept
 * in canonical form so that {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one name. The order is kept, without
 * duplicates; the first name becomes the certificate's common name.
 */
public record HostNames(List<String> names) {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    /** @throws IllegalArgumentException when the list is empty or holds something that is neither name nor address */
    public HostNames {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one host name");
        }
        names = List.copyOf(
                new LinkedHashSet<>(names.stream().map(HostNames::canonical).toList()));
    }

    public static HostNames of(String... names) {
        return new HostNames(List.of(names));
    }

    /** {@code localhost}, {@code 127.0.0.1}, {@code ::1}, and this machine's hostname when it has a usable one. */
    public static HostNames localDefaults() {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            String hostname = InetAddress.getLocalHost().getHostName();
            if (isDnsName(hostname.toLowerCase(Locale.ROOT))) {
                names.add(hostname);
            }
        } catch (UnknownHostException unresolvable) {
            // the loopback names are enough for development
        }
        return new HostNames(names);
    }

    /** Whether the certificate's subject alternative names are exactly these names, in any order. */
    public boolean matches(X509Certificate certificate) {
        return Set.copyOf(names).equals(subjectAlternativeNames(certificate));
    }

    static boolean isIpAddress(String name) {
        return name.indexOf(':') >= 0 || IPV4.matcher(name).matches();
    }

    private static Set<String> subjectAlternativeNames(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            for (List<?> entry : entries == null ? List.<List<?>>of() : entries) {
                int type = (Integer) entry.get(0);
                if (type == SAN_DNS || type == SAN_IP) {
                    names.add(canonical((String) entry.get(1)));
                }
            }
        } catch (CertificateParsingException | IllegalArgumentException unreadable) {
            return Set.of();
        }
        return names;
    }

    private static String canonical(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (isIpAddress(lower)) {
            try {
                return InetAddress.ofLiteral(lower).getHostAddress();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an IP address: " + name);
            }
        }
        if (!isDnsName(lower)) {
            throw new IllegalArgumentException("not a host name or IP address: " + name);
        }
        return lower;
    }

    private static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            boolean wildcard = i == 0 && labels.length > 2 && labels[i].equals("*");
            if (!wildcard && !LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return true;
    }
}
