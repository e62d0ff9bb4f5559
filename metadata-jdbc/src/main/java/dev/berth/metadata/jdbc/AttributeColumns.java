package dev.berth.metadata.jdbc;

import dev.berth.core.lock.AttributeUpdate;
import dev.berth.core.lock.ChangeableAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changeable attributes in the four boolean columns that {@code repositories}, {@code tags} and {@code manifests}
 * each have: {@code delete_enabled}, {@code write_enabled}, {@code read_enabled}, {@code list_enabled}.
 */
final class AttributeColumns {
    /** The columns, in the order {@link #read} expects them. */
    static final String COLUMNS = "delete_enabled, write_enabled, read_enabled, list_enabled";

    private AttributeColumns() {}

    /** The same columns of a table alias, such as {@code t.delete_enabled, ...}. */
    static String of(String alias) {
        return alias + ".delete_enabled, " + alias + ".write_enabled, " + alias + ".read_enabled, " + alias
                + ".list_enabled";
    }

    static ChangeableAttributes read(ResultSet row, int first) throws SQLException {
        return new ChangeableAttributes(
                row.getBoolean(first), row.getBoolean(first + 1), row.getBoolean(first + 2), row.getBoolean(first + 3));
    }

    /** The attributes from the given column on, or empty when the row of an outer join was missing. */
    static Optional<ChangeableAttributes> readOptional(ResultSet row, int first) throws SQLException {
        return row.getObject(first) == null ? Optional.empty() : Optional.of(read(row, first));
    }

    /** The {@code SET} list of an update, one assignment per attribute it changes; empty for an empty update. */
    static String assignments(AttributeUpdate update) {
        List<String> set = new ArrayList<>();
        addIf(set, update.deleteEnabled(), "delete_enabled = ?");
        addIf(set, update.writeEnabled(), "write_enabled = ?");
        addIf(set, update.readEnabled(), "read_enabled = ?");
        addIf(set, update.listEnabled(), "list_enabled = ?");
        return String.join(", ", set);
    }

    /** The values of {@link #assignments}, in order, followed by the given key values. */
    static Object[] parameters(AttributeUpdate update, Object... key) {
        List<Object> values = new ArrayList<>();
        for (Boolean value :
                new Boolean[] {update.deleteEnabled(), update.writeEnabled(), update.readEnabled(), update.listEnabled()
                }) {
            if (value != null) {
                values.add(value);
            }
        }
        values.addAll(List.of(key));
        return values.toArray();
    }

    private static void addIf(List<String> set, Boolean value, String assignment) {
        if (value != null) {
            set.add(assignment);
        }
    }
}
