package dev.berth.cli.access;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code berth role}: the group of {@code role assignment}, as {@code az role}. */
@Command(
        name = "role",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = "Roles of users and service principals on the installation, registries and repositories.",
        subcommands = RoleAssignmentCommand.class)
public final class RoleCommand {}
