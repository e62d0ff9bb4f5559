/**
 * The one error model: {@link dev.berth.core.error.ErrorCode} names every failure the client may see, and
 * {@link dev.berth.core.error.RegistryException} carries one out of the domain services to the HTTP edge.
 */
package dev.berth.core.error;
