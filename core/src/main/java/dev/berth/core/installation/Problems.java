package dev.berth.core.installation;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;

/** The errors of managing an installation, worded once. */
final class Problems {
    private Problems() {}

    static RegistryException notFound(String what) {
        return new RegistryException(ErrorCode.RESOURCE_NOT_FOUND, what + " not found");
    }

    static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, message);
    }

    static RegistryException conflict(String message) {
        return new RegistryException(ErrorCode.CONFLICT, message);
    }

    static RegistryException quota(String resource, int limit, String tier) {
        return new RegistryException(
                ErrorCode.QUOTA_EXCEEDED,
                "Quota exceeded for resource type " + resource + " for the registry SKU " + tier + ": the limit is "
                        + limit);
    }

    static RegistryException unsupported(String feature, String tier) {
        return new RegistryException(
                ErrorCode.FEATURE_NOT_SUPPORTED, feature + " is not available on the " + tier + " tier");
    }
}
