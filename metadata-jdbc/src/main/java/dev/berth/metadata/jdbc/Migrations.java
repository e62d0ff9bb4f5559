package dev.berth.metadata.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date with the one set of migrations, through Flyway. */
public final class Migrations {
    private Migrations() {}

    /** Applies every pending migration; returns how many ran. */
    public static int apply(DataSource dataSource, Dialect dialect) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/berth")
                .placeholders(dialect.placeholders())
                .table("berth_schema_history")
                .mixed(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
