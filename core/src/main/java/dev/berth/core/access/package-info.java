/**
 * The access services of the data plane: {@link dev.berth.core.access.AccessControl} signs principals in and grants
 * them scopes, through the {@link dev.berth.core.access.AccessPolicy} (roles, anonymous pull) and the
 * {@link dev.berth.core.access.Authenticator} (passwords). The model they work on is in {@code dev.berth.core.auth}.
 */
package dev.berth.core.access;
