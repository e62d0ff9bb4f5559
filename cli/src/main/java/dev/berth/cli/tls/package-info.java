/**
 * The TLS choices every client command offers: verify against the system's authorities (the JDK default), against
 * the authorities of one PEM file ({@code --ca-file}, {@link dev.berth.cli.tls.TrustedAuthorities}), or accept any
 * certificate ({@code --insecure}, {@link dev.berth.cli.tls.Insecure}).
 */
package dev.berth.cli.tls;
