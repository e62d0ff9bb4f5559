/**
 * Managing an installation: its registries (names, tiers and settings, each tier's limits enforced), their
 * credentials, tokens, scope maps, role assignments, users and service principals, and what each registry uses.
 * The management API is a thin shell over these services; every rule lives here.
 */
package dev.berth.core.installation;
