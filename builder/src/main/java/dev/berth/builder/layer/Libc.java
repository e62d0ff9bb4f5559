package dev.berth.builder.layer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * The few Linux calls the JDK lacks or makes with an {@code open} that would block on a fifo: {@code mknod},
 * {@code lchown}, {@code chmod}, {@code utimensat} without following links, and {@code lsetxattr} in any namespace.
 * Called through the foreign function API; failures become {@link IOException}s naming errno.
 */
final class Libc {
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MKNOD = handle("mknod", JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG);
    private static final MethodHandle LCHOWN = handle("lchown", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle CHMOD = handle("chmod", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle UTIMENSAT = handle("utimensat", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle LSETXATTR =
            handle("lsetxattr", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT);

    private Libc() {}

    static void mknod(Path path, int mode, long device) throws IOException {
        call("mknod", path, (state, p, arena) -> (int) MKNOD.invokeExact(state, p, mode, device));
    }

    static void lchown(Path path, int uid, int gid) throws IOException {
        call("lchown", path, (state, p, arena) -> (int) LCHOWN.invokeExact(state, p, uid, gid));
    }

    /** Sets the mode of a path that is not a symbolic link. */
    static void chmod(Path path, int mode) throws IOException {
        call("chmod", path, (state, p, arena) -> (int) CHMOD.invokeExact(state, p, mode));
    }

    /** Sets access and modification times, in nanoseconds since the epoch, of the path itself. */
    static void setTimes(Path path, long accessNanos, long modifiedNanos) throws IOException {
        call("utimensat", path, (state, p, arena) -> {
            MemorySegment times = arena.allocate(JAVA_LONG, 4);
            times.setAtIndex(JAVA_LONG, 0, Math.floorDiv(accessNanos, 1_000_000_000L));
            times.setAtIndex(JAVA_LONG, 1, Math.floorMod(accessNanos, 1_000_000_000L));
            times.setAtIndex(JAVA_LONG, 2, Math.floorDiv(modifiedNanos, 1_000_000_000L));
            times.setAtIndex(JAVA_LONG, 3, Math.floorMod(modifiedNanos, 1_000_000_000L));
            return (int) UTIMENSAT.invokeExact(state, AT_FDCWD, p, times, AT_SYMLINK_NOFOLLOW);
        });
    }

    static void setXattr(Path path, String name, byte[] value) throws IOException {
        call("lsetxattr " + name, path, (state, p, arena) -> {
            MemorySegment v = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, v, JAVA_BYTE, 0, value.length);
            return (int) LSETXATTR.invokeExact(state, p, arena.allocateFrom(name), v, (long) value.length, 0);
        });
    }

    private interface Call {
        int invoke(MemorySegment state, MemorySegment path, Arena arena) throws Throwable;
    }

    private static void call(String what, Path path, Call call) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = call.invoke(state, arena.allocateFrom(path.toString()), arena);
            if (result != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                throw new IOException(what + " " + path + " failed: errno " + errno);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(what + " " + path + " failed", t);
        }
    }

    private static MethodHandle handle(String name, MemoryLayout result, MemoryLayout... arguments) {
        MemorySegment symbol = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError(name));
        return LINKER.downcallHandle(
                symbol, FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }
}
