package dev.berth.core.installation;

import dev.berth.core.auth.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A role held by a principal at a scope, with a stable id: the same three give the same id. */
public record RoleAssignmentView(String principalId, Role role, RoleScope scope) {
    public String id() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash =
                    sha.digest((principalId + "\n" + role.name() + "\n" + scope).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
