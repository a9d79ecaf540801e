package locker.twin.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections, except that a new connection is read at once. The deployed fasthttp reads a connection
 * on its own goroutine as soon as it is accepted, where the request usually is already waiting; Jetty's connection
 * asks its selector to be told when the request arrives, which costs a round through the selector before the request
 * is even read. Sent together on new connections, eight refreshes of one token reached the twin's handlers further
 * apart than the deployed server's, and fewer got through the refresh race (docs/deployed-vs-twin.md). Here the
 * opening connection is handed to a request thread straight away, which reads it and asks the selector only if nothing
 * has arrived yet, as Jetty does for every later read.
 */
final class ReadAtOnceConnectionFactory extends HttpConnectionFactory {
    ReadAtOnceConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new ReadAtOnce(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations());
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    /**
     * Jetty's connection, whose {@code onOpen} hands the connection to a request thread when it finds bytes already
     * read (after an upgrade) and otherwise waits for the selector; while opening it is told bytes are there.
     */
    private static final class ReadAtOnce extends HttpConnection {
        private boolean opening;

        ReadAtOnce(HttpConfiguration configuration, Connector connector, EndPoint endPoint, boolean recordViolations) {
            super(configuration, connector, endPoint, recordViolations);
        }

        @Override
        public void onOpen() {
            opening = true;
            super.onOpen();
        }

        @Override
        public boolean isRequestBufferEmpty() {
            if (opening) {
                opening = false;
                return false;
            }
            return super.isRequestBufferEmpty();
        }
    }
}
