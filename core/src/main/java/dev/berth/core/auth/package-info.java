/**
 * The model of who may do what: principals, the built-in roles and their data-plane actions, role assignments,
 * Docker token scopes, and the two seams of authentication's cryptography ({@link dev.berth.core.auth.Tokens},
 * {@link dev.berth.core.auth.PasswordHasher}).
 */
package dev.berth.core.auth;
