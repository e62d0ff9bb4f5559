/**
 * A small client of the OCI Distribution API over the server's {@link dev.berth.core.egress.Egress}: {@link
 * dev.berth.client.RegistryClient} pings a registry, fetches manifests and streams blobs, following Docker's token
 * authentication (or Basic) and verifying the digest of everything it reads. Failures are one exception type, {@link
 * dev.berth.client.RegistryClientException}, whose kind says what went wrong.
 *
 * <p>The public types are the API. The machinery (the transport with its timeouts and redirects, the answers to
 * authentication challenges, TLS trust, the translation of I/O failures) is package-private, which keeps it out of
 * reach as an {@code internal} package would, without a package cycle.
 */
package dev.berth.client;
