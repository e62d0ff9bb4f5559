/**
 * TLS material for the server: a certificate chain and private key read from PEM files ({@link
 * dev.berth.tls.ServerIdentity}), and a self-signed development certificate authority kept under the data directory
 * that issues the server certificate for the configured host names ({@link dev.berth.tls.DevelopmentCertificates}).
 * Only JDK types cross the package boundary; BouncyCastle, which parses PEM and builds certificates, stays inside.
 * The package never logs: {@link dev.berth.tls.Provisioned} tells the caller what was created or reused.
 */
package dev.berth.tls;
