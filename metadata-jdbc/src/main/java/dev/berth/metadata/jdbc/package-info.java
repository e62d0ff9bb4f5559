/**
 * The metadata store on plain JDBC. The SQL and the Flyway migrations (under {@code db/berth}) are shared by every
 * backend; a {@link dev.berth.metadata.jdbc.Database} supplies connections and a
 * {@link dev.berth.metadata.jdbc.Dialect} the few spellings that differ.
 */
package dev.berth.metadata.jdbc;
