package dev.berth.core.installation;

import java.util.Optional;

/**
 * The names the management API gives principals, {@code user:<name>} and {@code servicePrincipal:<id>}, and the
 * subjects the stores keep ({@code user:<name>}, {@code service_principal:<id>}).
 */
public final class PrincipalIds {
    private static final String USER = "user:";
    private static final String SERVICE_PRINCIPAL = "servicePrincipal:";
    private static final String SERVICE_PRINCIPAL_SUBJECT = "service_principal:";

    private PrincipalIds() {}

    /** The stored subject of an API principal id, or {@code INVALID_REQUEST}. */
    public static String subject(String principalId) {
        if (principalId != null && principalId.startsWith(USER) && principalId.length() > USER.length()) {
            return principalId;
        }
        if (principalId != null
                && principalId.startsWith(SERVICE_PRINCIPAL)
                && principalId.length() > SERVICE_PRINCIPAL.length()) {
            return SERVICE_PRINCIPAL_SUBJECT + principalId.substring(SERVICE_PRINCIPAL.length());
        }
        throw Problems.invalid("a principal is user:<name> or servicePrincipal:<id>");
    }

    /** The API principal id of a stored subject, if it is a user or a service principal. */
    public static Optional<String> principalId(String subject) {
        if (subject.startsWith(USER)) {
            return Optional.of(subject);
        }
        if (subject.startsWith(SERVICE_PRINCIPAL_SUBJECT)) {
            return Optional.of(SERVICE_PRINCIPAL + subject.substring(SERVICE_PRINCIPAL_SUBJECT.length()));
        }
        return Optional.empty();
    }
}
