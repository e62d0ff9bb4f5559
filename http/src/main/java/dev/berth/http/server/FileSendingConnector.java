package dev.berth.http.server;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A plain TCP connector whose connections can send files with {@code sendfile} ({@link FileSendingEndPoint}). */
final class FileSendingConnector extends ServerConnector {
    FileSendingConnector(Server server, ConnectionFactory... factories) {
        super(server, factories);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        FileSendingEndPoint endPoint = new FileSendingEndPoint(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }
}
