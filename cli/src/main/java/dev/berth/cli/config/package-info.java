/**
 * What the CLI remembers between runs: the sign-in that {@code berth login} saves for the management commands
 * ({@link dev.berth.cli.config.CliConfigFile}, mode 0600), and the atomic owner-only file writes that it and the
 * Docker configuration file share ({@link dev.berth.cli.config.PrivateFiles}).
 */
package dev.berth.cli.config;
