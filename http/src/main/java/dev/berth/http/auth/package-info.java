/**
 * Docker token authentication on the wire: reading the Authorization header, the gate in front of the OCI API with
 * its {@code WWW-Authenticate} challenges, and the {@code /oauth2} endpoints that hand out tokens.
 */
package dev.berth.http.auth;
