package dev.berth.core.error;

/**
 * Every error Berth reports on the wire, registered once with its meaning. The HTTP module maps each code to a
 * status in one exhaustive switch; nothing else picks a status for an error.
 *
 * <p>The first group is the OCI Distribution Specification's; the second comes from CNCF Distribution and is what
 * Docker clients already know, with a few of Berth's own; the import group is about the other registry an import
 * reads from, which is not the caller's fault and not this registry's; then the management API's; the last two are
 * for failures that are not the client's.
 */
public enum ErrorCode {
    BLOB_UNKNOWN("blob unknown to registry"),
    BLOB_UPLOAD_INVALID("blob upload invalid"),
    BLOB_UPLOAD_UNKNOWN("blob upload unknown to registry"),
    DIGEST_INVALID("provided digest did not match uploaded content"),
    MANIFEST_BLOB_UNKNOWN("manifest references a manifest or blob unknown to registry"),
    MANIFEST_INVALID("manifest invalid"),
    MANIFEST_UNKNOWN("manifest unknown to registry"),
    NAME_INVALID("invalid repository name"),
    NAME_UNKNOWN("repository name not known to registry"),
    SIZE_INVALID("provided length did not match content length"),
    UNAUTHORIZED("authentication required"),
    DENIED("requested access to the resource is denied"),
    UNSUPPORTED("the operation is unsupported"),
    TOOMANYREQUESTS("too many requests"),

    TAG_INVALID("manifest tag did not match URI"),
    RANGE_INVALID("invalid content range"),
    PAGINATION_NUMBER_INVALID("invalid number of results requested"),
    PAYLOAD_TOO_LARGE("request body is larger than the registry accepts"),
    METHOD_UNKNOWN("the method is not allowed for this resource"),
    INVALID_REQUEST("the request is malformed or lacks a required field"),
    REQUEST_TIMEOUT("the request arrived more slowly than the registry accepts"),
    TAG_CONFLICT("the tag exists already and points at other content"),

    IMPORT_SOURCE_UNKNOWN("the source image of an import does not exist"),
    IMPORT_SOURCE_DENIED("the source registry refused access to the image"),
    IMPORT_SOURCE_UNAVAILABLE("the source registry could not be reached, timed out, or served invalid content"),
    EGRESS_REFUSED("the installation's egress policy does not allow connecting to that address"),

    RESOURCE_NOT_FOUND("the resource does not exist"),
    CONFLICT("the request conflicts with the resource's current state"),
    QUOTA_EXCEEDED("the registry's tier does not allow more"),
    FEATURE_NOT_SUPPORTED("the registry's tier does not have this feature"),

    UNAVAILABLE("the registry is temporarily unavailable"),
    UNKNOWN("unknown error");

    private final String message;

    ErrorCode(String message) {
        this.message = message;
    }

    /** The default human-readable message for this code. */
    public String message() {
        return message;
    }
}
