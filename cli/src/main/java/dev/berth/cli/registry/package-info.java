/**
 * The commands about registries themselves, named with {@code -n/--name} as in {@code az acr}: {@code check-name},
 * {@code create}, {@code list}, {@code show}, {@code update}, {@code delete}, {@code show-usage} and {@code
 * credential}; and the registry-wide settings and operations named with {@code -r/--registry}: {@code network-rule}
 * and {@code import}. All go through {@code /api/registries/...}.
 */
package dev.berth.cli.registry;
