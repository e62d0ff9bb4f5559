/**
 * Configuration: built-in defaults, a YAML file, {@code BERTH_*} environment variables and command-line overrides,
 * merged in that order and bound to validated records.
 */
package dev.berth.server.config;
