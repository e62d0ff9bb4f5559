package dev.berth.metadata.jdbc;

import dev.berth.core.spi.DetailStore.Order;
import dev.berth.core.spi.DetailStore.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of a detailed listing's order and of "after the last item shown" (keyset paging), for a table whose rows
 * have a unique key within a repository ({@code name} of a tag, {@code digest} of a manifest) and an {@code
 * updated_at}. In a time order, paging goes on from the time the last item has now; a last item that no longer
 * exists ends the listing.
 */
final class DetailOrder {
    private final String table;
    private final String alias;
    private final String key;

    DetailOrder(String table, String alias, String key) {
        this.table = table;
        this.alias = alias;
        this.key = key;
    }

    String orderBy(Order order) {
        return switch (order) {
            case NAME -> " ORDER BY " + alias + "." + key;
            case TIME_DESC -> " ORDER BY " + alias + ".updated_at DESC, " + alias + "." + key;
            case TIME_ASC -> " ORDER BY " + alias + ".updated_at, " + alias + "." + key;
        };
    }

    /**
     * The condition that keeps rows after the query's last item, with its parameters; nothing without a last item,
     * and empty when the last item is gone in a time order.
     */
    Optional<Condition> after(Connection c, long repositoryId, Query query) throws SQLException {
        if (query.last() == null) {
            return Optional.of(new Condition("", List.of()));
        }
        String column = alias + "." + key;
        if (query.order() == Order.NAME) {
            return Optional.of(new Condition(" AND " + column + " > ?", List.of(query.last())));
        }
        Optional<Long> at = Sql.first(
                c,
                "SELECT updated_at FROM " + table + " WHERE repository_id = ? AND " + key + " = ?",
                row -> row.getLong(1),
                repositoryId,
                query.last());
        String direction = query.order() == Order.TIME_DESC ? " < " : " > ";
        String time = alias + ".updated_at";
        return at.map(t -> new Condition(
                " AND (" + time + direction + "? OR (" + time + " = ? AND " + column + " > ?))",
                List.of(t, t, query.last())));
    }

    /** A fragment of a WHERE clause and its parameters. */
    record Condition(String sql, List<Object> parameters) {}
}
