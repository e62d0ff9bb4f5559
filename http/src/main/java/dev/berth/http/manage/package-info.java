/**
 * The management API under {@code /api/}: ARM-shaped resources for registries, credentials, tokens, scope maps,
 * role assignments, users, service principals, usage and import, over the services of {@code core.installation}.
 * Each resource family is one routes class; {@link dev.berth.http.manage.ManagementApi} signs the caller in, finds
 * the route and answers every error in one envelope.
 */
package dev.berth.http.manage;
