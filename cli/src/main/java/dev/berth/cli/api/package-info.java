/**
 * Berth's management API as the CLI sees it: {@link dev.berth.cli.api.ManagementClient} sends JSON over {@code
 * java.net.http} with Basic credentials to {@code /api/...} (and, for what only the login server offers, to {@code
 * /v2/...}), and turns every failure into an {@link dev.berth.cli.api.ApiException} that carries the status and the
 * error envelope's code and message. The contract is {@code docs/management-api.md}.
 */
package dev.berth.cli.api;
