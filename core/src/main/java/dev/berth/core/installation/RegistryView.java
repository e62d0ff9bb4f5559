package dev.berth.core.installation;

import dev.berth.core.auth.NetworkRules;
import dev.berth.core.spi.RegistryStore.RegistryRecord;

/** A registry as the management API shows it: its record, its login server and its settings. */
public record RegistryView(
        RegistryRecord record,
        String loginServer,
        boolean adminUserEnabled,
        boolean anonymousPullEnabled,
        NetworkRules networkRules) {}
