package dev.vigil.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request, stale read, write and monitoring poll of a run, kept in memory while the load runs (a file write per request would
 * add its own latency and contention to what is measured) and written out once at the end.
 */
final class RequestLog {

    private final Queue<RequestRecord> requests = new ConcurrentLinkedQueue<>();
    private final Queue<StaleRead> staleReads = new ConcurrentLinkedQueue<>();
    private final Queue<WriteRecord> writes = new ConcurrentLinkedQueue<>();
    private final Queue<ScrapeRecord> scrapes = new ConcurrentLinkedQueue<>();
    private final Queue<NotSent> notSent = new ConcurrentLinkedQueue<>();

    void add(RequestRecord request) {
        requests.add(request);
    }

    void addStaleRead(StaleRead staleRead) {
        staleReads.add(staleRead);
    }

    void addWrite(WriteRecord write) {
        writes.add(write);
    }

    void addScrape(ScrapeRecord scrape) {
        scrapes.add(scrape);
    }

    void addNotSent(NotSent step) {
        notSent.add(step);
    }

    List<NotSent> notSent() {
        return List.copyOf(notSent);
    }

    /** In the order they were sent. */
    List<RequestRecord> requests() {
        List<RequestRecord> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparingLong(RequestRecord::startMs));
        return sorted;
    }

    List<StaleRead> staleReads() {
        List<StaleRead> sorted = new ArrayList<>(staleReads);
        sorted.sort(Comparator.comparingLong(StaleRead::startMs));
        return sorted;
    }

    List<ScrapeRecord> scrapes() {
        List<ScrapeRecord> sorted = new ArrayList<>(scrapes);
        sorted.sort(Comparator.comparingLong(ScrapeRecord::startMs));
        return sorted;
    }

    List<WriteRecord> writes() {
        List<WriteRecord> sorted = new ArrayList<>(writes);
        sorted.sort(Comparator.comparingLong(WriteRecord::startMs));
        return sorted;
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("requests.csv"), RequestRecord.CSV_HEADER,
                requests().stream().map(RequestRecord::csvLine).toList());
        write(dir.resolve("stale-reads.csv"), StaleRead.CSV_HEADER,
                staleReads().stream().map(StaleRead::csvLine).toList());
        write(dir.resolve("writes.csv"), WriteRecord.CSV_HEADER, writes().stream().map(WriteRecord::csvLine).toList());
        if (!scrapes.isEmpty()) {
            write(dir.resolve("scrapes.csv"), ScrapeRecord.CSV_HEADER,
                    scrapes().stream().map(ScrapeRecord::csvLine).toList());
        }
    }

    private static void write(Path file, String header, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>(lines.size() + 1);
        all.add(header);
        all.addAll(lines);
        Files.write(file, all);
    }
}
