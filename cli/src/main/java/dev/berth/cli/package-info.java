/**
 * The client commands of {@code berth}, which talk to a Berth server over HTTP and need no Docker daemon. {@link
 * dev.berth.cli.LoginCommand} ({@code berth login}) is the public surface; the rest (the token exchange, the Docker
 * configuration file, the TLS settings) is package-private. The design is written down in {@code docs/login.md}.
 */
package dev.berth.cli;
