package dev.vigil.platform.axon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * One rebuild followed on its own virtual thread, its progress sent as lines of text, for at most
 * {@code timeout}. The stream has its own timeout rather than the container's default for asynchronous requests
 * (Tomcat's 30 s, which cancelled the follower and ended every longer rebuild with "interrupted"). When the stream
 * ends early (its timeout, the client gone) the follower stops; the replay is the processor's and goes on.
 */
final class RebuildProgressStream {

    private static final Logger log = LoggerFactory.getLogger(RebuildProgressStream.class);
    static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final ProjectionRebuilds rebuilds;
    private final String processor;
    private final Duration timeout;
    private final ResponseBodyEmitter emitter;
    private final Thread follower;

    private RebuildProgressStream(ProjectionRebuilds rebuilds, String processor, Duration timeout) {
        this.rebuilds = rebuilds;
        this.processor = processor;
        this.timeout = timeout;
        this.emitter = new ResponseBodyEmitter(timeout.toMillis());
        this.follower = Thread.ofVirtual().name("vigil-rebuild-" + processor).unstarted(this::follow);
    }

    static ResponseBodyEmitter start(ProjectionRebuilds rebuilds, String processor, Duration timeout) {
        RebuildProgressStream stream = new RebuildProgressStream(rebuilds, processor, timeout);
        stream.emitter.onTimeout(stream::timedOut);
        stream.emitter.onError(e -> stream.follower.interrupt());
        stream.follower.start();
        return stream.emitter;
    }

    private void follow() {
        try {
            ProjectionRebuilds.Report report = rebuilds.rebuild(processor, progress -> send(String.format(
                    "%s position=%d/%d (%.1f%%) events/s=%.0f elapsed=%ds%s", progress.processor(), progress.position(),
                    progress.head(), progress.percent(), progress.eventsPerSecond(), progress.elapsed().toSeconds(),
                    progress.share() < 0.999 ? String.format(" share-here=%.0f%%", 100 * progress.share()) : "")));
            send(String.format("done %s events=%d took=%.1fs events/s=%.0f", report.processor(), report.events(),
                    report.took().toMillis() / 1000.0, report.eventsPerSecond()));
        } catch (InterruptedException e) {
            log.info("event=projection_rebuild_unfollowed processor={} reason=stream_ended", processor);
        } catch (StreamGone e) {
            log.info("event=projection_rebuild_unfollowed processor={} reason=client_gone", processor);
        } catch (ProjectionRebuilds.RebuildInProgress e) {
            sendLast("refused: " + e.getMessage());
        } catch (ProjectionRebuilds.ReplayOutOfSight e) {
            log.warn("event=projection_rebuild_unfollowed processor={} reason=\"{}\"", processor, e.getMessage());
            sendLast("lost sight of the replay: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("event=projection_rebuild_failed processor={}", processor, e);
            sendLast("failed: " + e.getMessage());
        } finally {
            complete();
        }
    }

    /** The last line a client sees when a replay outlasts the stream; the follower stops, the replay does not. */
    private void timedOut() {
        sendLast("stream closed after " + timeout.toSeconds() + "s (vigil.projections.rebuild-stream-timeout);"
                + " the replay goes on in the processor: follow vigil.projection.lag.events or the log");
        complete();
        follower.interrupt();
    }

    private void send(String line) {
        try {
            emitter.send(line + "\n", TEXT);
        } catch (IOException | IllegalStateException e) { // the client went away, or the stream was closed
            throw new StreamGone();
        }
    }

    private void sendLast(String line) {
        try {
            send(line);
        } catch (StreamGone e) {
            // nobody left to tell
        }
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            // already completed by the timeout
        }
    }

    /** The stream can no longer be written to. */
    private static final class StreamGone extends RuntimeException {
        StreamGone() {
            super(null, null, false, false);
        }
    }
}
