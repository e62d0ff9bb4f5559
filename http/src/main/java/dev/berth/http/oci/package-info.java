/**
 * The OCI Distribution API v1.1 ({@code /v2/}): one small handler per resource, a router that reads repository
 * names from the end of the path, and {@link dev.berth.http.oci.ErrorResponses}, the one place where error codes
 * become HTTP statuses.
 */
package dev.berth.http.oci;
