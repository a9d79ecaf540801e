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
 * Jetty's connector, except that a connection is served by a thread of its own, as the deployed fasthttp serves each
 * on a goroutine of its own: the thread reads the connection at once, runs its requests and waits in a blocking read
 * for the next one. Jetty's own way waits for every connection on a selector thread and hands each ready one to a
 * request thread; on two busy cores each hand-over waits for a thread to wake, which spread requests sent together
 * further apart on the twin than on the deployed server and made its races rarer (docs/deployed-vs-twin.md).
 * <p>
 * Threads of their own go to at most {@link #OWN_THREADS} connections at once; the connections of a rush beyond
 * them are served Jetty's way, whose request threads go from one ready connection to the next without sleeping in
 * between. A thread for each of 1,600 connections answered the capacity search's busiest level at 0.78 and 0.93 of
 * that rate in two runs on two cores. Parsing, answering and the connection limit are Jetty's either way.
 */
final class ConnectionThreads extends ServerConnector {
    /** Connections served by a thread of their own at once: far more than any race sends together. */
    static final int OWN_THREADS = 200;

    private final ExecutorService threads;
    private final AtomicInteger served = new AtomicInteger();

    ConnectionThreads(Server server, HttpConfiguration http) {
        super(server, 1, 1, new Factory(http));
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
        if (served.incrementAndGet() > OWN_THREADS) {
            served.decrementAndGet();
            channel.configureBlocking(false);
            getSelectorManager().accept(channel);
            return;
        }
        try {
            threads.execute(() -> {
                try {
                    serve(channel);
                } finally {
                    served.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException stopping) {
            served.decrementAndGet();
            channel.close();
        }
    }

    private void serve(SocketChannel channel) {
        ThreadEndPoint endPoint;
        try {
            endPoint = new ThreadEndPoint(channel, getScheduler(), this::onEndPointClosed);
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
