package dev.berth.builder.runtime.runc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Id-mapped bind mounts (Linux 5.12+, {@code open_tree}, {@code mount_setattr}, {@code move_mount}), which show a
 * directory's files with their owners shifted by a user namespace's mapping while the disk keeps the original ids.
 * runc 1.1 cannot make them itself, so the runtime makes them before {@code runc run} and removes them after. Called
 * through the foreign function API; failures become {@link IOException}s naming errno.
 */
final class IdMappedMounts {
    private static final int AT_FDCWD = LinuxCalls.AT_FDCWD;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int AT_RECURSIVE = 0x8000;
    private static final int OPEN_TREE_CLONE = 1;
    private static final int O_CLOEXEC = 0x80000;
    private static final int MOVE_MOUNT_F_EMPTY_PATH = 4;
    private static final int MNT_DETACH = 2;
    private static final long MOUNT_ATTR_IDMAP = 0x00100000L;
    private static final long SYS_OPEN_TREE = 428;
    private static final long SYS_MOVE_MOUNT = 429;
    private static final long SYS_MOUNT_SETATTR = 442;

    private static final Linker LINKER = LinuxCalls.LINKER;
    private static final StructLayout CALL_STATE = LinuxCalls.CALL_STATE;
    private static final MethodHandle SYSCALL_3 =
            syscall(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SYSCALL_5 =
            syscall(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle UMOUNT2 =
            LinuxCalls.function("umount2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));

    private IdMappedMounts() {}

    /** Mounts {@code source} at {@code target} (an existing directory or file) with the ids of {@code userns}. */
    static void mount(Path source, Path target, int usernsFd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment empty = arena.allocateFrom("");
            int tree = (int) LinuxCalls.check("open_tree " + source, state, (long) SYSCALL_3.invokeExact(
                    state,
                    SYS_OPEN_TREE,
                    AT_FDCWD,
                    arena.allocateFrom(source.toString()),
                    OPEN_TREE_CLONE | O_CLOEXEC | AT_RECURSIVE));
            try {
                MemorySegment attr = arena.allocate(JAVA_LONG, 4);
                attr.setAtIndex(JAVA_LONG, 0, MOUNT_ATTR_IDMAP);
                attr.setAtIndex(JAVA_LONG, 3, usernsFd);
                LinuxCalls.check("mount_setattr " + source, state, (long) SYSCALL_5.invokeExact(
                        state, SYS_MOUNT_SETATTR, tree, empty, AT_EMPTY_PATH | AT_RECURSIVE, attr, attr.byteSize()));
                LinuxCalls.check("move_mount " + target, state, (long) SYSCALL_5.invokeExact(
                        state, SYS_MOVE_MOUNT, tree, empty, AT_FDCWD, arena.allocateFrom(target.toString()), (long)
                                MOVE_MOUNT_F_EMPTY_PATH));
            } finally {
                LinuxCalls.close(tree);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot mount " + source + " id-mapped: " + e, e);
        }
    }

    /** Detaches the mount at {@code target}; quiet, for clean-up paths. True if it was unmounted. */
    static boolean unmount(Path target) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return (int) UMOUNT2.invokeExact(state, arena.allocateFrom(target.toString()), MNT_DETACH) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle syscall(FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(
                LINKER.defaultLookup().find("syscall").orElseThrow(),
                descriptor,
                Linker.Option.firstVariadicArg(1),
                Linker.Option.captureCallState("errno"));
    }
}
