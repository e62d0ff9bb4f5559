package dev.berth.builder.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {

    @TempDir
    Path rootfs;

    @BeforeEach
    void writeAccounts() throws IOException {
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/sh
                # a comment
                app:x:1000:1001:app:/home/app:/bin/sh
                """);
        Files.writeString(etc.resolve("group"), """
                root:x:0:
                staff:x:50:app,other
                wheel:x:10:other
                app:x:1001:
                """);
    }

    @Test
    void emptyMeansRoot() throws IOException {
        assertEquals(new ProcessUser(0, 0, List.of(), "/root"), UserResolver.resolve(rootfs, ""));
    }

    @Test
    void aNameTakesItsPrimaryGroupAndTheGroupsListingIt() throws IOException {
        assertEquals(new ProcessUser(1000, 1001, List.of(50), "/home/app"), UserResolver.resolve(rootfs, "app"));
    }

    @Test
    void aKnownUidIsTreatedAsItsName() throws IOException {
        assertEquals(new ProcessUser(1000, 1001, List.of(50), "/home/app"), UserResolver.resolve(rootfs, "1000"));
    }

    @Test
    void anUnknownUidRunsWithGroupZero() throws IOException {
        assertEquals(new ProcessUser(4242, 0, List.of(), "/"), UserResolver.resolve(rootfs, "4242"));
    }

    @Test
    void anExplicitGroupDropsSupplementaryGroups() throws IOException {
        assertEquals(new ProcessUser(1000, 10, List.of(), "/home/app"), UserResolver.resolve(rootfs, "app:wheel"));
        assertEquals(new ProcessUser(4242, 77, List.of(), "/"), UserResolver.resolve(rootfs, "4242:77"));
    }

    @Test
    void unknownNamesAreClearErrors() {
        assertEquals(
                "unable to find user ghost: no matching entries in passwd file",
                assertThrows(BuildRuntimeException.class, () -> UserResolver.resolve(rootfs, "ghost"))
                        .getMessage());
        assertEquals(
                "unable to find group ghosts: no matching entries in group file",
                assertThrows(BuildRuntimeException.class, () -> UserResolver.resolve(rootfs, "app:ghosts"))
                        .getMessage());
    }

    @Test
    void accountFilesLinkedOutOfTheRootfsAreIgnored() throws IOException {
        Files.delete(rootfs.resolve("etc/passwd"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/etc/passwd"));
        assertThrows(BuildRuntimeException.class, () -> UserResolver.resolve(rootfs, "root"));
    }
}
