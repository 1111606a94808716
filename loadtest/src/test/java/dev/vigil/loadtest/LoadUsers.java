package dev.vigil.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Map;

/**
 * Where a simulation's users come from: the seeder's file ({@code -DusersCsv=FILE}), or, without one, users
 * created through the API before the load starts ({@code -DapiUsers=N}, default: as many as needed). Each
 * feeder record carries the user's own token, minted here so minting is never part of a measured request.
 */
final class LoadUsers {

    private LoadUsers() {
    }

    /** At least {@code needed} distinct users, or a failure that says why before any load is sent. */
    static List<LoadUser> atLeast(int needed) {
        String csv = LoadSettings.text("usersCsv", "");
        List<LoadUser> users = csv.isEmpty()
                ? new ApiUserSetup(LoadSettings.baseUrl(), LoadSettings.pageSize())
                        .create(LoadSettings.whole("apiUsers", needed), LoadSettings.whole("setupParallelism", 4))
                : shuffled(SeededUsersCsv.read(Path.of(csv)));
        if (users.size() < needed) {
            throw new IllegalArgumentException("the simulation needs " + needed + " distinct users but "
                    + (csv.isEmpty() ? "-DapiUsers" : csv) + " gives " + users.size());
        }
        return users;
    }

    /**
     * The seeder writes users in its own order; the active users of a real day are a random subset, spread
     * over every part of the tables. Seeded ({@code -DuserShuffleSeed}), so a rerun acts as the same users.
     */
    private static List<LoadUser> shuffled(List<LoadUser> users) {
        List<LoadUser> copy = new ArrayList<>(users);
        Collections.shuffle(copy, new Random(LoadSettings.whole("userShuffleSeed", 1)));
        return copy;
    }

    /** Feeder records {@code userId}, {@code kind}, {@code token}; the token outlives the whole run. */
    static List<Map<String, Object>> records(List<LoadUser> users, Duration runLength) {
        long ttlSeconds = runLength.plusMinutes(10).toSeconds();
        return users.stream()
                .map(user -> Map.<String, Object>of("userId", user.id().toString(), "kind", user.kind(),
                        "token", Tokens.user(user.id(), ttlSeconds)))
                .toList();
    }
}
