/**
 * The commands about what a registry holds, named with {@code -r/--registry}: {@code repository} and {@code
 * manifest}. They read and change repositories, tags and manifests through {@code
 * /api/registries/{r}/acr/v1/...}, which answers what ACR's {@code /acr/v1} answers; what only the OCI API offers
 * (a manifest's content, referrers) goes to {@code /v2/...} on the registry's login server.
 */
package dev.berth.cli.repository;
