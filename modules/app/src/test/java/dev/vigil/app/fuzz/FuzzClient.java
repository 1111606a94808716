package dev.vigil.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link FuzzRequest} as a client would: through the JDK's HTTP/1.1 client, which keeps its
 * connections alive between requests. What that client refuses to send (a request target that is no URI, such as
 * {@code %zz}, or a header it will not write) goes over a plain socket, byte for byte.
 */
final class FuzzClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    FuzzClient(int port) {
        this.port = port;
    }

    FuzzResponse send(FuzzRequest request) {
        HttpRequest built;
        try {
            built = build(request);
        } catch (IllegalArgumentException refusedByTheClient) {
            return sendRaw(request);
        }
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return FuzzResponse.of(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return FuzzResponse.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FuzzResponse.failed(e);
        }
    }

    private HttpRequest build(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.target()))
                .timeout(TIMEOUT)
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, String> header : request.headers()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    /** HTTP/1.1 over a socket, one request per connection; the body is read to the end of the stream. */
    private FuzzResponse sendRaw(FuzzRequest request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            request.headers().forEach(header -> head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
            head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(wireBytes(head.toString()));
            out.write(request.body());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            return FuzzResponse.failed(e);
        }
    }

    /** Characters up to U+00FF as one byte each (as the JDK client writes headers), others as UTF-8. */
    private static byte[] wireBytes(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        text.codePoints().forEach(c -> bytes.writeBytes(c <= 0xff ? new byte[] {(byte) c}
                : Character.toString(c).getBytes(StandardCharsets.UTF_8)));
        return bytes.toByteArray();
    }

    private static FuzzResponse parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("no HTTP response: " + FuzzRequest.visible(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String contentType = null;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = lines[i].substring("content-type:".length()).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        return FuzzResponse.of(status, contentType, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return body.toByteArray();
                }
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().trim().split(";")[0], 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.skipNBytes(2);
        }
    }
}
