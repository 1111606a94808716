package dev.vigil.seeder;

import dev.vigil.seeder.UserHistory.UserSeed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --users-out} CSV for load tests: {@code userId,kind}, one row per user in user order (a format others
 * read: keep it). Writes nothing without the option.
 */
final class UsersFile implements AutoCloseable {

    static final String HEADER = "userId,kind";

    private final Writer out;

    UsersFile(Writer out) throws IOException {
        this.out = out;
        if (out != null) {
            out.write(HEADER + "\n");
        }
    }

    static UsersFile open(Optional<Path> path) throws IOException {
        BufferedWriter writer = path.isPresent() ? Files.newBufferedWriter(path.get()) : null;
        return new UsersFile(writer);
    }

    void write(List<UserSeed> users) throws IOException {
        if (out != null) {
            for (UserSeed user : users) {
                out.write(user.userId() + "," + user.kind().csvName() + "\n");
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
