package dev.berth.tasks.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Serves one repository over git's smart HTTP protocol on loopback, as a git host does for clones: {@code
 * /repo.git/info/refs?service=git-upload-pack} advertises the refs, {@code POST /repo.git/git-upload-pack} sends the
 * pack (JGit's client gzips larger requests). JGit's own upload-pack answers; the server is only the HTTP around it.
 */
final class GitHttpServer implements AutoCloseable {
    private final HttpServer server;

    private GitHttpServer(HttpServer server) {
        this.server = server;
    }

    static GitHttpServer serve(Repository repository) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo.git/info/refs", exchange -> advertise(exchange, repository));
        server.createContext("/repo.git/git-upload-pack", exchange -> upload(exchange, repository));
        server.start();
        return new GitHttpServer(server);
    }

    /** The clone URL, on the host given ({@code 127.0.0.1} or {@code localhost}). */
    String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/repo.git";
    }

    private static void advertise(HttpExchange exchange, Repository repository) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=git-upload-pack\n");
            packets.end();
            UploadPack pack = new UploadPack(repository);
            pack.setBiDirectionalPipe(false);
            pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
        }
    }

    private static void upload(HttpExchange exchange, Repository repository) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            UploadPack pack = new UploadPack(repository);
            pack.setBiDirectionalPipe(false);
            InputStream request = exchange.getRequestBody();
            boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            pack.upload(gzip ? new GZIPInputStream(request) : request, out, null);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
