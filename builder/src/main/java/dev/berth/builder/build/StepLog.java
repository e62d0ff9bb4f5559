package dev.berth.builder.build;

/**
 * The log lines of one step, numbered across the build as BuildKit's plain output numbers them: {@code #5 [build
 * 3/7] RUN make}, then the step's output, then {@code #5 CACHED} or {@code #5 DONE 1.2s}.
 */
final class StepLog {
    private final BuildLog log;
    private final int number;
    private final long started = System.nanoTime();

    StepLog(BuildLog log, int number, String title) {
        this.log = log;
        this.number = number;
        log.line("#" + number + " " + title);
    }

    void cached() {
        log.line("#" + number + " CACHED");
    }

    void done() {
        log.line(String.format("#%d DONE %.1fs", number, (System.nanoTime() - started) / 1e9));
    }

    void note(String text) {
        log.line("#" + number + " " + text);
    }
}
