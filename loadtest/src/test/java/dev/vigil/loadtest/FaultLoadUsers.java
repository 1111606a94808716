package dev.vigil.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The users a {@link FaultLoad} run acts as: created through the API by {@link ApiUserSetup}, each with a token
 * that outlives the run and the ids of its alerts, which the mix reads and marks read.
 */
final class FaultLoadUsers {

    /** One user of the run. */
    record User(UUID id, String bearer, List<UUID> alertIds) {
    }

    private static final int PAGE_SIZE = 10; // ApiUserSetup gives each user 2 * 10 + 5 = 25 alerts
    private static final int SETUP_PARALLELISM = 8;
    private static final Pattern ALERT_ID = Pattern.compile("\"alertId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private FaultLoadUsers() {
    }

    static List<User> create(String baseUrl, int count, Duration tokenLifetime) throws IOException, InterruptedException {
        List<LoadUser> created = new ApiUserSetup(baseUrl, PAGE_SIZE).create(count, Math.min(count, SETUP_PARALLELISM));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<User> users = new ArrayList<>(created.size());
        for (LoadUser user : created) {
            String bearer = "Bearer " + Tokens.user(user.id(), tokenLifetime.toSeconds());
            users.add(new User(user.id(), bearer, alertIds(http, baseUrl, bearer)));
        }
        return users;
    }

    private static List<UUID> alertIds(HttpClient http, String baseUrl, String bearer)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alerts?limit=100"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", bearer).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/alerts answered " + response.statusCode() + ": " + response.body());
        }
        List<UUID> ids = new ArrayList<>();
        Matcher id = ALERT_ID.matcher(response.body());
        while (id.find()) {
            ids.add(UUID.fromString(id.group(1)));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("a created user has no alerts: " + response.body());
        }
        return List.copyOf(ids);
    }
}
