package dev.berth.core.events;

/**
 * Thrown by an {@link EventConsumer} that will take no more events: what it was consuming for is gone (a deleted
 * webhook) or the process is stopping. The batch stays unacknowledged and the worker ends quietly, logging the
 * message as one line; it is an expected end, not a failure, so it carries no stack trace.
 */
public final class ConsumerStopped extends Exception {
    /** @param reason says why, in words an operator reads in the log */
    public ConsumerStopped(String reason) {
        super(reason, null, false, false);
    }
}
