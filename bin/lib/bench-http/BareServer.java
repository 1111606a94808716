import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * bin/bench-http's ceiling for a JVM on this machine: the JDK's own HTTP server answering every request with a
 * fixed 47-byte JSON body. Requests run on virtual threads, as the service's do (spring.threads.virtual.enabled),
 * so the comparison leaves out Tomcat, Spring and the token check and nothing else. Binds a port the operating
 * system picks on 127.0.0.1 and prints "port N" once it serves. Launched as a source file (JEP 330), not built.
 */
public class BareServer {

    private static final byte[] BODY = "{\"status\":\"ok\",\"server\":\"bare-jdk-http-server\"}"
            .getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        if (BODY.length != 47) {
            throw new IllegalStateException("the body must be 47 bytes, is " + BODY.length);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes(); // a GET has none; read to the end so the connection is reused
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(BODY);
            }
        });
        server.start();
        System.out.println("port " + server.getAddress().getPort());
    }
}
