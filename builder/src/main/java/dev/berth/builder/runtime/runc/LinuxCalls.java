package dev.berth.builder.runtime.runc;

import static java.lang.foreign.ValueLayout.ADDRESS;
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
 * The plain file-descriptor calls the sandbox needs and the JDK does not give (a raw descriptor of a namespace or a
 * cgroup file, an {@code eventfd}), through the foreign function API; failures become {@link IOException}s naming
 * errno. The linker helpers are shared with {@link IdMappedMounts}.
 */
final class LinuxCalls {
    static final int AT_FDCWD = -100;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int EFD_NONBLOCK = 0x800;

    static final Linker LINKER = Linker.nativeLinker();
    static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPEN = function("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD =
            function("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle READ =
            function("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    private LinuxCalls() {}

    /** Opens a file read-only; the descriptor stays open until {@link #close}d. */
    static int open(Path file) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(file.toString()), O_RDONLY | O_CLOEXEC);
            return (int) check("open " + file, state, fd);
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot open " + file + ": " + e, e);
        }
    }

    /** A non-blocking event counter. */
    static int eventfd() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return (int) check("eventfd", state, (int) EVENTFD.invokeExact(state, 0, EFD_NONBLOCK | O_CLOEXEC));
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot make an eventfd: " + e, e);
        }
    }

    /** The events counted by an eventfd since the last read (0 when none). */
    static long readEvents(int eventfd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_LONG);
            long read = (long) READ.invokeExact(arena.allocate(CALL_STATE), eventfd, value, 8L);
            return read == 8 ? value.get(JAVA_LONG, 0) : 0;
        } catch (Throwable e) {
            return 0;
        }
    }

    static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(arena.allocate(CALL_STATE), fd);
        } catch (Throwable e) {
            // nothing to do: a descriptor that cannot be closed goes with the process
        }
    }

    static long check(String call, MemorySegment state, long result) throws IOException {
        if (result < 0) {
            throw new IOException(call + " failed: errno " + (int) ERRNO.get(state, 0L));
        }
        return result;
    }

    static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(
                LINKER.defaultLookup().find(name).orElseThrow(), descriptor, Linker.Option.captureCallState("errno"));
    }
}
