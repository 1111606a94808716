package dev.vigil.platform.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which instances run projections, and so how many segments of each processor this one may hold: its fair share.
 * <p>
 * Axon's pooled processor claims every free segment it may ({@code maxClaimedSegments}), so the first instance
 * took them all and a second one never got any. Axon asks a {@link MaxSegmentProvider} for that maximum at every
 * claim cycle and releases what it holds above it. This is that provider: each instance refreshes its row in
 * {@code axon.projection_instance} every heartbeat (a second) and reads back the live rows and the segments of
 * every processor (three short statements per heartbeat); of {@code n} segments and {@code k} live instances, every instance may hold {@code n / k}, and
 * {@code n % k} of them one more (which ones rotates with the processor's name), so the shares add up to
 * {@code n} and no two instances differ by more than one. An instance that joins lowers everyone's share and the
 * others release their surplus; one that stops deletes its row (or, crashed, stops refreshing it and drops out after
 * the liveness timeout), raising the others' shares so they claim what it held. An instance writes its row only
 * once it is ready ({@link #announce()}); until then it reads the others' rows and holds no more than is free.
 */
final class ProjectionInstances implements MaxSegmentProvider, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionInstances.class);
    /** Rows of instances gone this long are deleted by whichever instance sees them. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final String nodeId;
    private final Duration liveness;
    private volatile List<String> live;
    private volatile Map<String, Segment[]> segments = Map.of();
    private volatile boolean announced;

    ProjectionInstances(JdbcClient jdbc, String nodeId, Duration liveness) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.liveness = liveness;
        this.live = List.of(nodeId);
    }

    String nodeId() {
        return nodeId;
    }

    /** Starts the heartbeat on {@code workers}' heartbeat thread. */
    void start(ProjectionWorkers workers, Duration interval) {
        beat();
        workers.heartbeat().scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * From now on the heartbeat tells the other instances that this one is live, and they release its share. Called
     * once the application is ready: its processors are running then, so they claim what the others release at once.
     * Announced while starting (the heartbeat's first beat), an instance that took 20 s to start left the segments the
     * others gave up unclaimed meanwhile, and their writes timed out (bin/cluster-faults).
     */
    void announce() {
        announced = true;
        beat();
    }

    /**
     * Refreshes this instance's row (once announced), then reads the live instances and the segment count of every
     * processor.
     */
    void beat() {
        try {
            if (announced) {
                jdbc.sql("INSERT INTO axon.projection_instance (node_id, last_seen) VALUES (:node, now()) "
                                + "ON CONFLICT (node_id) DO UPDATE SET last_seen = now()")
                        .param("node", nodeId).update();
            }
            List<String> seen = jdbc.sql("SELECT node_id FROM axon.projection_instance "
                            + "WHERE last_seen > now() - make_interval(secs => :liveness) ORDER BY node_id")
                    .param("liveness", liveness.toMillis() / 1000.0).query(String.class).list();
            live = seen.contains(nodeId) ? seen : List.of(nodeId);
            Map<String, List<Integer>> ids = new HashMap<>();
            jdbc.sql("SELECT processor_name, segment FROM axon.token_entry")
                    .query((row, i) -> ids.computeIfAbsent(row.getString(1), p -> new ArrayList<>()).add(row.getInt(2)))
                    .list();
            Map<String, Segment[]> computed = new HashMap<>();
            ids.forEach((processor, list) ->
                    computed.put(processor, Segment.computeSegments(list.stream().mapToInt(Integer::intValue).toArray())));
            segments = computed;
            jdbc.sql("DELETE FROM axon.projection_instance WHERE last_seen < now() - make_interval(secs => :after)")
                    .param("after", FORGET_AFTER.toSeconds()).update();
        } catch (DataAccessException e) {
            // keep the last known shares; Axon's own claims go on failing or succeeding as the database allows
            log.debug("projection instance heartbeat failed: {}", e.getMessage());
        }
    }

    /** The instances seen alive at the last heartbeat, this one always among them, ordered by id. */
    List<String> live() {
        return live;
    }

    /** The segments of {@code processorName} in the token store at the last heartbeat; none before its first start. */
    Segment[] segments(String processorName) {
        return segments.getOrDefault(processorName, new Segment[0]);
    }

    /**
     * This instance's share of {@code processorName}'s segments. Before the processor has any tokens (its first
     * start) there is nothing to share: no limit.
     */
    @Override
    public int getMaxSegments(String processorName) {
        int segments = segments(processorName).length;
        return segments == 0 ? Short.MAX_VALUE : share(segments, live, nodeId, processorName);
    }

    /** {@code nodeId}'s share of {@code segments} among the {@code live} instances (which include it). */
    static int share(int segments, List<String> live, String nodeId, String processorName) {
        int count = live.size();
        int rank = Math.max(0, live.indexOf(nodeId));
        boolean extra = Math.floorMod(rank + processorName.hashCode(), count) < segments % count;
        return segments / count + (extra ? 1 : 0);
    }

    /** A clean stop: the other instances take this one's segments at their next heartbeat, not after the timeout. */
    @Override
    public void destroy() {
        try {
            jdbc.sql("DELETE FROM axon.projection_instance WHERE node_id = :node").param("node", nodeId).update();
        } catch (DataAccessException e) {
            log.debug("could not remove projection instance {}: {}", nodeId, e.getMessage());
        }
    }
}
