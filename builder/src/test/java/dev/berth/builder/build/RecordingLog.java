package dev.berth.builder.build;

import dev.berth.builder.runtime.OutputSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A build log kept in memory for assertions (and echoed to stdout, to read a failing test's build). */
final class RecordingLog implements BuildLog {
    final List<String> lines = new ArrayList<>();
    final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Override
    public void line(String text) {
        lines.add(text);
        System.out.println(text);
    }

    @Override
    public OutputSink processOutput() {
        return (channel, chunk) -> {
            output.writeBytes(chunk);
            System.out.print(new String(chunk, StandardCharsets.UTF_8));
        };
    }

    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    long cachedSteps() {
        return lines.stream().filter(l -> l.endsWith(" CACHED")).count();
    }
}
