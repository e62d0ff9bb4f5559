/**
 * Repository-scoped access, as ACR has it: {@code token} (user names and passwords for programs, each bound to one
 * scope map) and {@code scope-map} (which actions on which repositories), through {@code
 * /api/registries/{r}/tokens} and {@code .../scopeMaps}.
 */
package dev.berth.cli.token;
