/**
 * The JSON the client commands read and write, behind Berth's own calls over Jackson: objects kept field for field
 * and in order, numbers exactly, printed the way Docker and {@code az} print theirs.
 */
package dev.berth.cli.json;
