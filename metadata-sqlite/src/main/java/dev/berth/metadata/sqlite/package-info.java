/** The embedded default metadata store: SQLite in WAL mode through sqlite-jdbc, one writer and several readers. */
package dev.berth.metadata.sqlite;
