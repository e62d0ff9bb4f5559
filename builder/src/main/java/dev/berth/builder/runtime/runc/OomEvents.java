package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cgroup v1 OOM notification of a memory group: an eventfd registered through {@code cgroup.event_control} on
 * {@code memory.oom_control}. The kernel signals it when the group (or a group below it) runs out of memory at the
 * group's limit, so it catches the OOM kill of a container whose own group runc has already removed; the v1
 * {@code oom_kill} counter is kept only in the victim's group.
 */
final class OomEvents implements AutoCloseable {
    private final int eventfd;

    private OomEvents(int eventfd) {
        this.eventfd = eventfd;
    }

    static OomEvents register(Path memoryGroup) throws IOException {
        int eventfd = LinuxCalls.eventfd();
        int control = LinuxCalls.open(memoryGroup.resolve("memory.oom_control"));
        try {
            Files.writeString(memoryGroup.resolve("cgroup.event_control"), eventfd + " " + control);
            return new OomEvents(eventfd);
        } catch (IOException e) {
            LinuxCalls.close(eventfd);
            throw e;
        } finally {
            LinuxCalls.close(control);
        }
    }

    /** Whether the group has run out of memory since the last call (or since registering). */
    boolean happened() {
        return LinuxCalls.readEvents(eventfd) > 0;
    }

    @Override
    public void close() {
        LinuxCalls.close(eventfd);
    }
}
