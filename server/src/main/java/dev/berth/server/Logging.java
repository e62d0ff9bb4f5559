package dev.berth.server;

import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Picks the log backend (java.util.logging) and its one-line format; libraries only emit. */
final class Logging {
    private Logging() {}

    static void configure(String level) {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new OneLine());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(julLevel(level));
        Logger.getLogger("org.eclipse.jetty").setLevel("debug".equals(level) ? Level.INFO : Level.WARNING);
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    }

    private static Level julLevel(String level) {
        return switch (level) {
            case "error" -> Level.SEVERE;
            case "warn" -> Level.WARNING;
            case "debug" -> Level.FINE;
            default -> Level.INFO;
        };
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String line = Instant.ofEpochMilli(record.getMillis()) + " "
                    + record.getLevel().getName() + " " + record.getLoggerName() + ": " + formatMessage(record)
                    + System.lineSeparator();
            if (record.getThrown() != null) {
                var out = new java.io.StringWriter();
                record.getThrown().printStackTrace(new java.io.PrintWriter(out));
                line += out;
            }
            return line;
        }
    }
}
