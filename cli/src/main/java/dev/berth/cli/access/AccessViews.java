package dev.berth.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.output.Column;
import dev.berth.cli.output.Table;

/** The tables of the role-assignment and user commands. */
final class AccessViews {
    static final Table ROLE_ASSIGNMENT = Table.of(
            new Column("ID", AccessViews::assignmentId),
            Column.at("PRINCIPAL", "/properties/principalId"),
            Column.at("ROLE", "/properties/roleDefinitionName"),
            Column.at("SCOPE", "/properties/scope"));

    static final Table USER = Table.of(
            Column.at("NAME", "/name"),
            Column.at("INSTALLATION ADMIN", "/properties/installationAdmin"),
            Column.at("ENABLED", "/properties/enabled"));

    static final Table USER_WITH_PASSWORD =
            USER.with(new Column("PASSWORD", row -> Column.text(UserCommand.generatedPassword(row))));

    private AccessViews() {}

    /** What {@code DELETE /api/roleAssignments/{id}} takes: the assignment's name, else its id's last segment. */
    static String assignmentId(JsonNode assignment) {
        String name = assignment.path("name").asText("");
        if (!name.isEmpty()) {
            return name;
        }
        String id = assignment.path("id").asText("");
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
