/**
 * Who may do what across the installation: {@code role assignment} (a principal, a role, a scope) through {@code
 * /api/roleAssignments}, and {@code user} (people who sign in with a password) through {@code /api/users}.
 */
package dev.berth.cli.access;
