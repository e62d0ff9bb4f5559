/**
 * How the management commands print what the server answered: as an aligned table for people, as the server's JSON
 * for scripts ({@code -o json}), or as tab-separated values without a header ({@code -o tsv}). A command describes
 * its rows once as a {@link dev.berth.cli.output.Table} of {@link dev.berth.cli.output.Column}s.
 */
package dev.berth.cli.output;
