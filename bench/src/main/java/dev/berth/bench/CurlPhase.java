package dev.berth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Phase 6: the same kinds of work driven by curl instead of the runner's Java client, so that no figure depends on
 * one client: the large blob pushed with {@code curl -T} (POST, then one PUT with a known Content-Length), pushed
 * again in PATCHes of the chunk size (one curl per request, as each needs the last Location), pulled to
 * {@code /dev/null}; then small blobs pushed and manifests fetched by tag, one request after another on one
 * kept-alive connection (a curl config file of many URLs). Time is what curl's own clock says about its transfers
 * (process start-up left out); CPU is the server's, as elsewhere.
 */
final class CurlPhase {
    private static final String OCTETS = "Content-Type: application/octet-stream";
    private static final String ACCEPT_MANIFEST = "Accept: " + ImageManifest.MEDIA_TYPE;
    private static final int PULLS = 3;

    private final RandomBlobFile blob;
    private List<Path> chunks;

    CurlPhase(RandomBlobFile blob) {
        this.blob = blob;
    }

    void run(Session session, ManifestPhase.TaggedRepository tagged) throws IOException {
        int requests = session.options().curlRequests();
        if (requests <= 0) {
            return;
        }
        Path dir = Files.createDirectories(session.options()
                .workDir()
                .resolve("curl-" + session.target().name().toLowerCase() + "-r" + session.round()));
        double mebibytes = Measurements.mebibytes(blob.size());
        String monolithic = session.repository("curl-large-monolithic");
        DiskSync.flush();
        session.record(
                Metric.CURL_LARGE_PUSH_MONOLITHIC,
                mebibytes,
                timed(session, () -> pushMonolithic(session, monolithic)));
        DiskSync.flush();
        List<Path> pieces = chunks(session.options());
        session.record(Metric.CURL_LARGE_PUSH_CHUNKED, mebibytes, timed(session, () -> pushChunked(session, pieces)));
        Session.Sample best = null;
        for (int i = 0; i < PULLS; i++) {
            Session.Sample pull = timed(session, () -> pull(session, monolithic));
            best = best == null || pull.nanos() < best.nanos() ? pull : best;
        }
        session.record(Metric.CURL_LARGE_PULL, mebibytes, best);
        session.record(Metric.CURL_SMALL_PUSH, requests, timed(session, () -> pushSmall(session, dir, requests)));
        int gets = Math.min(requests, tagged.tags().size());
        session.record(Metric.CURL_MANIFEST_GET, gets, timed(session, () -> getManifests(session, dir, tagged, gets)));
    }

    /** Runs the transfers, timing them by curl's clock and the server's CPU meanwhile. */
    private static Session.Sample timed(Session session, Supplier<List<Curl.Transfer>> transfers) {
        List<List<Curl.Transfer>> done = new ArrayList<>();
        Session.Sample sample = session.measure(() -> done.add(transfers.get()));
        return new Session.Sample((long) (Curl.seconds(done.getFirst()) * 1e9), sample.cpuSeconds());
    }

    private List<Curl.Transfer> pushMonolithic(Session session, String repository) {
        List<Curl.Transfer> transfers = new ArrayList<>();
        URI upload = open(session, repository, transfers);
        transfers.add(finish(upload, List.of("--upload-file", blob.file().toString())));
        return transfers;
    }

    private List<Curl.Transfer> pushChunked(Session session, List<Path> pieces) {
        List<Curl.Transfer> transfers = new ArrayList<>();
        URI upload = open(session, session.repository("curl-large-chunked"), transfers);
        long start = 0;
        for (Path piece : pieces) {
            long end = start + size(piece) - 1;
            Curl.Transfer patch = Curl.run(List.of(
                            "--request",
                            "PATCH",
                            "--upload-file",
                            piece.toString(),
                            "--header",
                            OCTETS,
                            "--header",
                            "Content-Range: " + start + "-" + end,
                            "--output",
                            "/dev/null",
                            upload.toString()))
                    .getFirst()
                    .expect("PATCH", 202);
            transfers.add(patch);
            upload = session.http().resolve(patch.location());
            start = end + 1;
        }
        transfers.add(finish(upload, List.of("--request", "PUT", "--data-binary", "")));
        return transfers;
    }

    private List<Curl.Transfer> pull(Session session, String repository) {
        Curl.Transfer pull = Curl.run(List.of(
                        "--output",
                        "/dev/null",
                        session.http()
                                .resolve("/v2/" + repository + "/blobs/" + blob.digest())
                                .toString()))
                .getFirst()
                .expect("blob GET", 200);
        VerificationFailure.expectEqual("bytes pulled", blob.size(), pull.downloaded());
        VerificationFailure.expectEqual("Docker-Content-Digest of the pull", blob.digest(), pull.digest());
        return List.of(pull);
    }

    /** POSTs to open the uploads on one connection, then PUTs each body with its digest on another. */
    private static List<Curl.Transfer> pushSmall(Session session, Path dir, int count) {
        String repository = session.repository("curl-small");
        List<String> posts = new ArrayList<>();
        List<Path> bodies = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] content = RandomBytes.of(
                    (session.target().name() + "/curl/" + session.round() + "/" + i).hashCode(),
                    session.options().smallBytes());
            bodies.add(write(dir.resolve("small-" + i), content));
            digests.add(Sha256.of(content));
            posts.add("url = "
                    + Curl.quoted(session.http()
                            .resolve("/v2/" + repository + "/blobs/uploads/")
                            .toString()));
            posts.add("output = \"/dev/null\"");
        }
        List<Curl.Transfer> opened = Curl.runConfig(dir.resolve("posts.curl"), List.of("--request", "POST"), posts);
        List<String> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            URI upload =
                    session.http().resolve(opened.get(i).expect("POST", 202).location());
            puts.add("upload-file = " + Curl.quoted(bodies.get(i).toString()));
            puts.add("url = "
                    + Curl.quoted(RegistryHttp.withQuery(upload, "digest", digests.get(i))
                            .toString()));
            puts.add("output = \"/dev/null\"");
        }
        List<Curl.Transfer> finished = Curl.runConfig(dir.resolve("puts.curl"), List.of("--header", OCTETS), puts);
        for (int i = 0; i < count; i++) {
            VerificationFailure.expectEqual(
                    "Docker-Content-Digest after push",
                    digests.get(i),
                    finished.get(i).expect("PUT", 201).digest());
        }
        List<Curl.Transfer> all = new ArrayList<>(opened);
        all.addAll(finished);
        return all;
    }

    private static List<Curl.Transfer> getManifests(
            Session session, Path dir, ManifestPhase.TaggedRepository tagged, int count) {
        List<String> gets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            gets.add("url = "
                    + Curl.quoted(session.http()
                            .resolve("/v2/" + tagged.repository() + "/manifests/"
                                    + tagged.tags().get(i))
                            .toString()));
            gets.add("output = \"/dev/null\"");
        }
        List<Curl.Transfer> fetched =
                Curl.runConfig(dir.resolve("gets.curl"), List.of("--header", ACCEPT_MANIFEST), gets);
        for (int i = 0; i < count; i++) {
            ImageManifest manifest = tagged.manifests().get(i);
            Curl.Transfer get = fetched.get(i).expect("manifest GET", 200);
            VerificationFailure.expectEqual("manifest bytes", (long) manifest.bytes().length, get.downloaded());
            VerificationFailure.expectEqual("manifest Docker-Content-Digest", manifest.digest(), get.digest());
        }
        return fetched;
    }

    private static URI open(Session session, String repository, List<Curl.Transfer> transfers) {
        Curl.Transfer post = Curl.run(List.of(
                        "--request",
                        "POST",
                        "--output",
                        "/dev/null",
                        session.http()
                                .resolve("/v2/" + repository + "/blobs/uploads/")
                                .toString()))
                .getFirst()
                .expect("POST", 202);
        transfers.add(post);
        return session.http().resolve(post.location());
    }

    private Curl.Transfer finish(URI upload, List<String> body) {
        List<String> arguments = new ArrayList<>(body);
        arguments.addAll(List.of(
                "--header",
                OCTETS,
                "--output",
                "/dev/null",
                RegistryHttp.withQuery(upload, "digest", blob.digest()).toString()));
        Curl.Transfer put = Curl.run(arguments).getFirst().expect("PUT", 201);
        VerificationFailure.expectEqual("Docker-Content-Digest after push", blob.digest(), put.digest());
        return put;
    }

    /** The large blob cut into files of the chunk size, written once for every round and server. */
    private List<Path> chunks(BenchOptions options) throws IOException {
        if (chunks != null) {
            return chunks;
        }
        Path dir = Files.createDirectories(options.workDir().resolve("curl-chunks"));
        List<Path> pieces = new ArrayList<>();
        try (FileChannel in = blob.open()) {
            for (long start = 0; start < blob.size(); start += options.chunkBytes()) {
                Path piece = dir.resolve(String.format("chunk-%05d", pieces.size()));
                try (FileChannel out = FileChannel.open(
                        piece,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
                    long length = Math.min(options.chunkBytes(), blob.size() - start);
                    for (long done = 0; done < length; ) {
                        done += in.transferTo(start + done, length - done, out);
                    }
                }
                pieces.add(piece);
            }
        }
        chunks = List.copyOf(pieces);
        return chunks;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
