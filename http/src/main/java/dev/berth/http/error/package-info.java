/**
 * The error envelope of the registry APIs ({@code {"errors":[{code, message, detail}]}}) and the one exhaustive map
 * from error codes to HTTP statuses.
 */
package dev.berth.http.error;
