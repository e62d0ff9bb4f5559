package dev.berth.core.access;

import dev.berth.core.auth.Principal;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.spi.IdentityStore;
import dev.berth.core.spi.IdentityStore.UserRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The fingerprint of a principal's current credentials that refresh tokens carry. */
final class CredentialStamp {
    private CredentialStamp() {}

    static String of(Principal principal, IdentityStore identities) throws IOException {
        List<String> hashes = new ArrayList<>();
        switch (principal.kind()) {
            case USER ->
                identities
                        .findUser(principal.name())
                        .map(UserRecord::passwordHash)
                        .ifPresent(hashes::add);
            case SERVICE_PRINCIPAL ->
                identities.findServicePrincipal(principal.name()).ifPresent(sp -> sp.secrets()
                        .forEach(s -> hashes.add(s.hash())));
            case ADMIN_ACCOUNT ->
                identities
                        .adminAccount(Long.parseLong(principal.name()))
                        .passwords()
                        .forEach(p -> hashes.add(p.hash()));
            case TOKEN ->
                identities
                        .findToken(principal.tokenRegistryId(), principal.tokenName())
                        .map(RegistryToken::passwords)
                        .ifPresent(passwords -> passwords.forEach(p -> hashes.add(p.hash())));
            case ANONYMOUS -> hashes.add("anonymous");
        }
        return fingerprint(String.join("\n", hashes));
    }

    private static String fingerprint(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
