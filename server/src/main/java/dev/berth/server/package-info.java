/**
 * The composition root and the command line: {@link dev.berth.server.Berth} wires every implementation,
 * {@link dev.berth.server.Main} is the {@code berth} launcher.
 */
package dev.berth.server;
