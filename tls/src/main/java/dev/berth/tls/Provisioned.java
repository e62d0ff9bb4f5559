package dev.berth.tls;

import java.nio.file.Path;

/**
 * What {@link DevelopmentCertificates#provision} left in place and what it had to do for it, for the caller to
 * report: a new authority is news to every client, which must be told to trust it.
 *
 * @param identity the server's key and certificate, ready to serve
 * @param authorityCertificate the authority's certificate ({@code ca.pem}), the file clients trust
 * @param authorityCreated whether the authority was created on this call (first start, or the old one was expiring)
 * @param serverCertificate whether, and why, the server certificate was issued on this call
 */
public record Provisioned(
        ServerIdentity identity, Path authorityCertificate, boolean authorityCreated, Renewal serverCertificate) {

    /** Why the server certificate was issued anew, or {@link #NOT_NEEDED} when the one on disk was reused. */
    public enum Renewal {
        /** The certificate on disk still fits: same authority, same names, not expiring. */
        NOT_NEEDED,
        /** There was none. */
        MISSING,
        /** The one on disk was unreadable, or its key did not match it. */
        UNUSABLE,
        /** The authority is new, or the certificate was not signed by it. */
        NEW_AUTHORITY,
        /** The configured host names differ from those in the certificate. */
        NAMES_CHANGED,
        /** It expires within {@link DevelopmentCertificates#RENEW_BEFORE}. */
        EXPIRING
    }
}
