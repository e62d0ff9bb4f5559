package dev.berth.tasks.sources;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressRefusedException;
import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.runs.FailureText;
import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;

/**
 * Clones a git repository with JGit and checks out a branch, tag or commit (the default branch when none). Only over
 * http(s), and every request through the egress (JGit's connection factory is set per clone): a {@code file:} URL
 * would read the server's own disk, and {@code ssh:} or {@code git:} would connect around the egress policy.
 */
final class GitSource {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private GitSource() {}

    static void fetch(String url, String ref, Path dir, Egress egress) throws SourceException {
        refuseOtherTransports(url);
        try (OutboundHttp http = egress.http(Egress.Options.connectingWithin(CONNECT_TIMEOUT));
                Git git = Git.cloneRepository()
                        .setURI(url)
                        .setDirectory(dir.toFile())
                        .setCloneAllBranches(true)
                        .setTransportConfigCallback(transport -> throughEgress(transport, http))
                        .call()) {
            if (!ref.isEmpty()) {
                checkout(git, ref);
            }
        } catch (GitAPIException | RuntimeException e) {
            String reason =
                    EgressRefusedException.in(e).map(Throwable::getMessage).orElseGet(() -> FailureText.describe(e));
            throw new SourceException("cannot clone " + url + ": " + reason, e);
        }
    }

    private static void refuseOtherTransports(String url) throws SourceException {
        String scheme = schemeOf(url);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceException("cannot clone " + url + ": "
                    + EgressRefusedException.scheme(scheme.isEmpty() ? "ssh" : scheme)
                            .getMessage());
        }
    }

    private static String schemeOf(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void throughEgress(Transport transport, OutboundHttp http) {
        if (!(transport instanceof TransportHttp overHttp)) {
            throw new IllegalStateException(
                    EgressRefusedException.scheme(transport.getURI().getScheme())
                            .getMessage());
        }
        overHttp.setHttpConnectionFactory(new HttpConnectionFactory() {
            @Override
            public HttpConnection create(URL url) {
                return new EgressHttpConnection(url, http);
            }

            @Override
            public HttpConnection create(URL url, Proxy proxy) {
                return new EgressHttpConnection(url, http);
            }
        });
    }

    private static void checkout(Git git, String ref) throws SourceException, GitAPIException {
        Repository repository = git.getRepository();
        ObjectId commit = resolve(repository, ref);
        if (commit == null) {
            throw new SourceException("the repository has no branch, tag or commit '" + ref + "'");
        }
        git.checkout().setName(commit.name()).call();
    }

    private static ObjectId resolve(Repository repository, String ref) throws SourceException {
        try {
            for (String candidate : new String[] {"refs/remotes/origin/" + ref, "refs/tags/" + ref, ref}) {
                ObjectId id = repository.resolve(candidate + "^{commit}");
                if (id != null) {
                    return id;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot read ref '" + ref + "': " + e.getMessage(), e);
        }
    }
}
