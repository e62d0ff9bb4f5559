/**
 * Authentication's cryptography behind Berth's own types: {@link dev.berth.auth.JwtTokens} implements
 * {@link dev.berth.core.auth.Tokens} with Nimbus JOSE+JWT, {@link dev.berth.auth.Argon2PasswordHasher} implements
 * {@link dev.berth.core.auth.PasswordHasher} with BouncyCastle, and {@link dev.berth.auth.SigningKeys} keeps the
 * token-signing keys in the data directory.
 */
package dev.berth.auth;
