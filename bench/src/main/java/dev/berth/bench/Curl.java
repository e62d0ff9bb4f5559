package dev.berth.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The curl command line as a second client, so that no figure depends on the runner's own HTTP client. One call runs
 * one curl process; with a config file of many URLs, curl sends them one after another on one kept-alive connection.
 * Every transfer reports one line of {@code --write-out}, parsed into a {@link Transfer}.
 */
final class Curl {
    private static final String WRITE_OUT =
            "%{http_code}\\t%{time_total}\\t%{size_download}\\t%header{location}\\t%header{docker-content-digest}\\n";

    /**
     * What curl reported for one transfer.
     *
     * @param status the HTTP status
     * @param seconds the whole transfer, from curl's clock: process start-up is not in it
     * @param downloaded body bytes received
     * @param location the {@code Location} header, or empty
     * @param digest the {@code Docker-Content-Digest} header, or empty
     */
    record Transfer(int status, double seconds, long downloaded, String location, String digest) {
        Transfer expect(String what, int expected) {
            VerificationFailure.expectEqual(what + " status", expected, status);
            return this;
        }
    }

    private Curl() {}

    /** Runs curl with these arguments (URLs included) and returns one transfer per URL, in order. */
    static List<Transfer> run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--write-out", WRITE_OUT));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new VerificationFailure("curl exited with " + exit + " for " + String.join(" ", arguments));
            }
            return out.lines().map(Curl::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run curl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while curl ran"));
        }
    }

    /** Runs curl on a config file (one block of options per URL), written to {@code file} first. */
    static List<Transfer> runConfig(Path file, List<String> arguments, List<String> config) {
        try {
            Files.write(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of("--config", file.toString()));
        return run(all);
    }

    /** The seconds of all the transfers together. */
    static double seconds(List<Transfer> transfers) {
        return transfers.stream().mapToDouble(Transfer::seconds).sum();
    }

    /** A string for a curl config file, quoted and escaped. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Transfer parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 5) {
            throw new VerificationFailure("unexpected curl output: " + line);
        }
        return new Transfer(
                Integer.parseInt(fields[0]),
                Double.parseDouble(fields[1]),
                Long.parseLong(fields[2]),
                fields[3].strip(),
                fields[4].strip());
    }
}
