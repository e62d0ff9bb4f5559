package dev.berth.cli.output;

/** The {@code -o/--output} choices. */
public enum OutputFormat {
    /** Aligned columns under a header: for people. */
    table,
    /** The JSON the server answered (a list as an array): for scripts. */
    json,
    /** The table's values, tab-separated, one row a line, no header: for shell loops and {@code cut}. */
    tsv
}
