package dev.vigil.platform.axon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * One rebuild followed on its own virtual thread, its progress sent as lines of text, for at most
 * {@code timeout}. The stream has its own timeout rather than the container's default for asynchronous requests
 * (Tomcat's 30 s, which cancelled the task with an interrupt and ended every longer rebuild with "interrupted").
 * When the stream ends early (its timeout, the client gone) the follower stops; the replay is the processor's and
 * goes on.
 */
final class RebuildProgressStream {

    private static final Logger log = LoggerFactory.getLogger(RebuildProgressStream.class);
    static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    /** The container ends the response this long after the stream's own timeout, should the follower be stuck. */
    private static final Duration BACKSTOP = Duration.ofMinutes(1);

    private final ProjectionRebuilds rebuilds;
    private final String processor;
    private final String instance;
    private final Duration timeout;
    private final ResponseBodyEmitter emitter;
    private final long deadline;
    private final Thread follower;
    private volatile boolean ended;

    private RebuildProgressStream(ProjectionRebuilds rebuilds, String processor, String instance, Duration timeout) {
        this.rebuilds = rebuilds;
        this.processor = processor;
        this.instance = instance;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.emitter = new ResponseBodyEmitter(timeout.plus(BACKSTOP).toMillis());
        this.follower = Thread.ofVirtual().name("vigil-rebuild-" + processor).unstarted(this::follow);
    }

    /** {@code instance}: this instance's token-store node id, the one whose processor the stream follows. */
    static ResponseBodyEmitter start(ProjectionRebuilds rebuilds, String processor, String instance, Duration timeout) {
        RebuildProgressStream stream = new RebuildProgressStream(rebuilds, processor, instance, timeout);
        // the container's timeout marks the emitter complete before its callbacks run: too late for a last line
        stream.emitter.onTimeout(() -> stream.ended = true);
        stream.emitter.onError(e -> stream.ended = true);
        stream.follower.start();
        return stream.emitter;
    }

    private void follow() {
        try {
            // at once, before stopping the processor (which may take a while): says where the replay is followed
            send("rebuilding " + processor + " on instance " + instance + "; a line a second until done");
            ProjectionRebuilds.Report report = rebuilds.rebuild(processor, progress -> sendWithin(String.format(
                    "%s position=%d/%d (%.1f%%) events/s=%.0f elapsed=%ds%s", progress.processor(), progress.position(),
                    progress.head(), progress.percent(), progress.eventsPerSecond(), progress.elapsed().toSeconds(),
                    progress.share() < 0.999 ? String.format(" share-here=%.0f%%", 100 * progress.share()) : "")));
            send(String.format("done %s events=%d took=%.1fs events/s=%.0f", report.processor(), report.events(),
                    report.took().toMillis() / 1000.0, report.eventsPerSecond()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts the follower; should something, it stops
            log.info("event=projection_rebuild_unfollowed processor={} reason=interrupted", processor);
        } catch (StreamGone e) {
            log.info("event=projection_rebuild_unfollowed processor={} reason={}", processor, e.getMessage());
        } catch (ProjectionRebuilds.RebuildInProgress e) {
            sendLast("refused: " + e.getMessage());
        } catch (UnableToClaimTokenException e) {
            log.info("event=projection_rebuild_refused processor={} reason=\"{}\"", processor, e.getMessage());
            sendLast("refused: another instance holds segments of " + processor + " (" + e.getMessage() + "); stop"
                    + " the other instances or rebuild during a deploy (docs/projections.md); the processor runs on");
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

    /**
     * A progress line, or past the stream's timeout the last line a client sees: the follower stops, the replay
     * does not. The follower is never interrupted: an interrupt while it stops and resets the processor could leave
     * the processor stopped, and one during a statement on a virtual thread closes the connection's socket.
     */
    private void sendWithin(String line) {
        if (System.nanoTime() - deadline >= 0) {
            sendLast("stream closed after " + timeout.toSeconds() + "s (vigil.projections.rebuild-stream-timeout);"
                    + " the replay goes on in the processor: follow vigil.projection.lag.events or the log");
            ended = true;
            throw new StreamGone("stream_timeout");
        }
        send(line);
    }

    private void send(String line) {
        if (ended) {
            throw new StreamGone("stream_ended");
        }
        try {
            emitter.send(line + "\n", TEXT);
        } catch (IOException | IllegalStateException e) { // the client went away, or the stream was closed
            throw new StreamGone("client_gone");
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
        StreamGone(String reason) {
            super(reason, null, false, false);
        }
    }
}
