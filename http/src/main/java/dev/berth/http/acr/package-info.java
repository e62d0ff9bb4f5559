/**
 * ACR's metadata API ({@code /acr/v1/...} on a registry's login server, and the same under {@code
 * /api/registries/<name>/acr/v1/...} for clients that reach Berth by one address): the catalog, and a repository, its
 * tags and its manifests in detail, with their changeable attributes to read (GET), change (PATCH) and delete. One
 * small handler per resource; errors are the registry envelope of {@link dev.berth.http.error.ErrorResponses}.
 */
package dev.berth.http.acr;
