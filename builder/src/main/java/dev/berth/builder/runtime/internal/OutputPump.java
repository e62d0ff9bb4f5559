package dev.berth.builder.runtime.internal;

import dev.berth.builder.runtime.OutputChannel;
import dev.berth.builder.runtime.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Copies a process's stdout and stderr to a sink chunk by chunk, on two virtual threads, one sink call at a time.
 * Holds at most one read buffer per stream. If the sink fails, the pump keeps draining (so the process never blocks
 * on a full pipe) and reports the first failure from {@link #await}.
 */
public final class OutputPump {

    private static final int CHUNK = 64 * 1024;
    private static final int TAIL = 512;

    private final OutputSink sink;
    private final Thread stdout;
    private final Thread stderr;
    private final byte[] stderrTail = new byte[TAIL];
    private int stderrTailLength;
    private volatile RuntimeException sinkFailure;

    public OutputPump(Process process, OutputSink sink) {
        this.sink = sink;
        this.stdout = Thread.ofVirtual()
                .name("runc-stdout")
                .start(() -> copy(process.getInputStream(), OutputChannel.STDOUT));
        this.stderr = Thread.ofVirtual()
                .name("runc-stderr")
                .start(() -> copy(process.getErrorStream(), OutputChannel.STDERR));
    }

    /** Waits for both streams to reach their end; rethrows a sink failure. */
    public void await() throws InterruptedException {
        stdout.join();
        stderr.join();
        if (sinkFailure != null) {
            throw sinkFailure;
        }
    }

    private void keepTail(byte[] chunk) {
        int keep = Math.min(chunk.length, TAIL);
        int old = Math.min(stderrTailLength, TAIL - keep);
        System.arraycopy(stderrTail, stderrTailLength - old, stderrTail, 0, old);
        System.arraycopy(chunk, chunk.length - keep, stderrTail, old, keep);
        stderrTailLength = old + keep;
    }

    private void copy(InputStream in, OutputChannel channel) {
        byte[] buffer = new byte[CHUNK];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    deliver(channel, Arrays.copyOf(buffer, n));
                }
            }
        } catch (IOException e) {
            // the pipe closed under us (the process was destroyed): the output ends here
        }
    }

    /** The last line of stderr (at most a few hundred bytes), once {@link #await} has returned. */
    public synchronized String lastStderrLine() {
        String tail = new String(stderrTail, 0, stderrTailLength, StandardCharsets.UTF_8).stripTrailing();
        return tail.substring(tail.lastIndexOf('\n') + 1);
    }

    private void deliver(OutputChannel channel, byte[] chunk) {
        synchronized (this) {
            if (channel == OutputChannel.STDERR) {
                keepTail(chunk);
            }
            if (sinkFailure != null) {
                return;
            }
            try {
                sink.accept(channel, chunk);
            } catch (RuntimeException e) {
                sinkFailure = e;
            }
        }
    }
}
