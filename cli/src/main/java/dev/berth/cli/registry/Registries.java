package dev.berth.cli.registry;

import dev.berth.cli.api.ApiPath;
import dev.berth.cli.command.Choice;

/** Registry paths and look-ups the commands share. */
final class Registries {
    static final String TYPE = "Microsoft.ContainerRegistry/registries";

    private Registries() {}

    static ApiPath path(String name) {
        return ApiPath.of("api", "registries", name);
    }

    /** {@code --sku}. */
    static final class Sku extends Choice {
        Sku() {
            super("Basic", "Standard", "Premium");
        }
    }

    /** {@code --default-action}. */
    static final class DefaultAction extends Choice {
        DefaultAction() {
            super("Allow", "Deny");
        }
    }
}
