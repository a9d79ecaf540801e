package locker.twin.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jetty's connector, except that every connection is served by a thread of its own, as the deployed fasthttp serves each
 * on a goroutine of its own: the thread reads the connection at once, runs its requests and waits in a blocking read
 * for the next one. The threads run the server's code on as many turns as the machine has cores ({@link CoreTurns}), as
 * Go runs as many goroutines at once. Jetty's own way waits for every connection on a selector thread and hands each
 * ready one to a request thread; on two busy cores each hand-over waits for a thread to wake, which spread requests
 * sent together further apart on the twin than on the deployed server and made its races rarer
 * (docs/deployed-vs-twin.md). Parsing, answering and the connection limit are Jetty's.
 */
final class ConnectionThreads extends ServerConnector {
    private final ExecutorService threads;
    private final CoreTurns turns;

    ConnectionThreads(Server server, HttpConfiguration http, CoreTurns turns) {
        super(server, 1, 1, new Factory(http));
        this.turns = turns;
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newCachedThreadPool(job -> {
            // named as the server's other threads begin, so that the CPU readings count them as the server's
            Thread thread = new Thread(job, "reference-server-connection-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void accept(int acceptorID) throws IOException {
        ServerSocketChannel accepting = (ServerSocketChannel) getTransport();
        if (accepting == null || !accepting.isOpen()) {
            return;
        }
        SocketChannel channel = accepting.accept();
        channel.socket().setTcpNoDelay(true);
        try {
            threads.execute(() -> serve(channel));
        } catch (RejectedExecutionException stopping) {
            channel.close();
        }
    }

    private void serve(SocketChannel channel) {
        ThreadEndPoint endPoint;
        try {
            endPoint = new ThreadEndPoint(channel, getScheduler(), turns, this::onEndPointClosed);
        } catch (IOException closedAlready) {
            return;
        }
        endPoint.setIdleTimeout(getIdleTimeout());
        Connection connection = getDefaultConnectionFactory().newConnection(this, endPoint);
        endPoint.setConnection(connection);
        onEndPointOpened(endPoint);
        endPoint.onOpen();
        connection.onOpen();
        endPoint.serve();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        getConnectedEndPoints().forEach(EndPoint::close);
        threads.shutdownNow();
    }

    /** Jetty's HTTP/1.1 connection, telling a thread's end point when it waits for the next request. */
    private static final class Factory extends HttpConnectionFactory {
        Factory(HttpConfiguration http) {
            super(http);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                    isRecordHttpComplianceViolations()) {
                @Override
                public void fillInterested() {
                    if (endPoint instanceof ThreadEndPoint own) {
                        own.awaitRequest();
                    }
                    super.fillInterested();
                }
            };
            connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
            connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
            return configure(connection, connector, endPoint);
        }
    }
}
