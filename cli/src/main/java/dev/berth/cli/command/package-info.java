/**
 * What every management command shares: where it runs ({@link dev.berth.cli.command.CliEnvironment}, handed in by
 * {@link dev.berth.cli.command.CliFactory} so tests can run commands with their own variables and input), the common
 * options ({@link dev.berth.cli.command.ApiOptions}, {@link dev.berth.cli.command.RegistryOption}), the sign-in from
 * the environment or {@code berth login}, the exit codes scripts can rely on ({@link dev.berth.cli.command.Exit}), and
 * one way to run a command's work ({@link dev.berth.cli.command.Session}): errors on standard error, results on
 * standard output, confirmation before deleting. See {@code docs/cli.md}.
 */
package dev.berth.cli.command;
